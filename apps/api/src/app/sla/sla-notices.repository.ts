import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TicketEntity } from '../ticket-core/ticket.entity';
import { SlaNoticeEntity } from './sla-notice.entity';

export const SlaNoticeKind = {
  FirstResponseWarning: 'first_response_warning',
  FirstResponseBreach: 'first_response_breach',
  ResolutionWarning: 'resolution_warning',
  ResolutionBreach: 'resolution_breach',
} as const;
export type SlaNoticeKind = (typeof SlaNoticeKind)[keyof typeof SlaNoticeKind];

/** For each kind: the clock it watches, and whether the moment is its warning or its due time. */
const WATCHED: Record<SlaNoticeKind, { unmet: string; moment: string; before?: string }> = {
  first_response_warning: {
    unmet: 't.first_responded_at IS NULL AND t.resolved_at IS NULL',
    moment: 't.first_response_warn_at',
    before: 't.first_response_due_at',
  },
  first_response_breach: {
    unmet: 't.first_responded_at IS NULL AND t.resolved_at IS NULL',
    moment: 't.first_response_due_at',
  },
  resolution_warning: {
    unmet: 't.resolved_at IS NULL',
    moment: 't.resolution_warn_at',
    before: 't.resolution_due_at',
  },
  resolution_breach: { unmet: 't.resolved_at IS NULL', moment: 't.resolution_due_at' },
};

export interface DueNotice {
  id: number;
  subject: string;
  assigneeId: number | null;
}

/** The warnings and breaches already told, one row each, so each is told exactly once. */
@Injectable()
export class SlaNoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Tickets whose `kind` moment has come at `now` and who have not been told of it. */
  due(kind: SlaNoticeKind, now: Date, limit: number): Promise<DueNotice[]> {
    const watched = WATCHED[kind];
    const query = this.dataSource
      .createQueryBuilder(TicketEntity, 't')
      .select(['t.id AS id', 't.subject AS subject', 't.assignee_id AS "assigneeId"'])
      .where(watched.unmet)
      .andWhere(`${watched.moment} <= :now`, { now })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM sla_notices n WHERE n.ticket_id = t.id AND n.kind = :kind)',
        { kind },
      )
      .orderBy(watched.moment, 'ASC')
      .limit(limit);
    // A warning whose target has already passed is not sent: the breach is.
    if (watched.before) query.andWhere(`${watched.before} > :now`, { now });
    return query.getRawMany<DueNotice>();
  }

  /**
   * Records that a notice goes out, inside the transaction that queues its e-mail; false when
   * another instance already did (the ticket row is locked first, the pair is unique).
   */
  async claim(manager: EntityManager, ticketId: number, kind: SlaNoticeKind, at: Date) {
    if (await manager.existsBy(SlaNoticeEntity, { ticketId, kind })) return false;
    await manager.insert(SlaNoticeEntity, { ticketId, kind, sentAt: at });
    return true;
  }
}
