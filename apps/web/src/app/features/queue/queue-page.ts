import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { TicketListQuery } from '@helpdesk/shared/domain';
import { TicketsApi } from '../../core/api/tickets-api';
import { Session } from '../../core/auth/session';
import { onTicketChanges } from '../../core/live/live-updates';
import { CountTiles } from '../../shared/count-tiles';
import { LoadState } from '../../shared/load-state';
import { STATUS_LABELS } from '../../shared/labels';
import { TicketList } from '../../shared/ticket-list/ticket-list';

/** An agent's queue: the tickets assigned to them, with counts per status. */
@Component({
  selector: 'hd-queue-page',
  imports: [CountTiles, LoadState, TicketList],
  template: `
    <section class="hd-page">
      <h1>My queue</h1>
      <hd-load-state
        [loading]="stats.isLoading() && !stats.hasValue()"
        [error]="stats.error()"
        (retry)="stats.reload()"
      />
      @if (stats.hasValue()) {
        <hd-count-tiles
          label="Tickets by status"
          [counts]="stats.value().byStatus"
          [labels]="statusLabels"
        />
      }
      <hd-ticket-list [fixed]="mine()" emptyText="No tickets are assigned to you." />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuePage {
  private readonly actor = inject(Session).actor;
  protected readonly stats = inject(TicketsApi).stats();
  protected readonly statusLabels = STATUS_LABELS;
  /** Only the agent's own tickets, even when the pool adds unassigned ones to what they see. */
  protected readonly mine = computed<Pick<TicketListQuery, 'assigneeId'>>(() => ({
    assigneeId: this.actor()?.id,
  }));

  constructor() {
    // The list refreshes itself; the counts follow the same changes.
    onTicketChanges(() => this.stats.reload());
  }
}
