import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { TicketListQuery } from '@helpdesk/shared/domain';
import { TicketList } from '../../shared/ticket-list/ticket-list';

/** The pool: tickets nobody works on yet, for agents to take (when the desk allows it). */
@Component({
  selector: 'hd-pool-page',
  imports: [TicketList],
  template: `
    <section class="hd-page">
      <h1>Unassigned</h1>
      <hd-ticket-list
        [fixed]="unassigned"
        [take]="true"
        emptyText="Every ticket has someone working on it."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PoolPage {
  protected readonly unassigned: Pick<TicketListQuery, 'assigneeId'> = { assigneeId: 'none' };
}
