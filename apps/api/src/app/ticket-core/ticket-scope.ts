import type { TicketScope } from '@helpdesk/shared/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { TicketEntity } from './ticket.entity';

/**
 * Tickets within a person's scope, as `t`: the SQL twin of `scopeCovers` in
 * libs/shared/domain (the search index's twin is `scopeTokens`); the visibility e2e test
 * holds the three together for every role and relation.
 */
export function scopedTickets(
  manager: EntityManager,
  scope: TicketScope,
): SelectQueryBuilder<TicketEntity> {
  const builder = manager.createQueryBuilder(TicketEntity, 't');
  switch (scope.kind) {
    case 'owner':
      return builder.where('t.owner_id = :scopeUserId', { scopeUserId: scope.userId });
    case 'assignee':
      return scope.withUnassigned
        ? builder.where('(t.assignee_id = :scopeUserId OR t.assignee_id IS NULL)', {
            scopeUserId: scope.userId,
          })
        : builder.where('t.assignee_id = :scopeUserId', { scopeUserId: scope.userId });
    case 'all':
      return builder.where('1 = 1');
  }
}
