import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { TicketListQuery, TicketStatus } from '@helpdesk/shared/domain';
import { map } from 'rxjs';
import { TicketsApi } from '../../core/api/tickets-api';
import { Session } from '../../core/auth/session';
import { onTicketChanges } from '../../core/live/live-updates';
import { CountTiles } from '../../shared/count-tiles';
import { LoadState } from '../../shared/load-state';
import { STATUS_LABELS } from '../../shared/labels';
import { TicketList } from '../../shared/ticket-list/ticket-list';

/** An agent's queue: the tickets assigned to them, with counts per status that filter the list. */
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
          [clickable]="true"
          [active]="statuses()"
          (picked)="filterBy($event)"
        />
      }
      <hd-ticket-list
        [fixed]="mine()"
        [workingDefault]="true"
        emptyText="No tickets are assigned to you."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuePage {
  private readonly actor = inject(Session).actor;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly stats = inject(TicketsApi).stats();
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly statuses = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.getAll('status'))),
    { initialValue: [] },
  );
  /** Only the agent's own tickets, even when the pool adds unassigned ones to what they see. */
  protected readonly mine = computed<Pick<TicketListQuery, 'assigneeId'>>(() => ({
    assigneeId: this.actor()?.id,
  }));

  constructor() {
    // The list refreshes itself; the counts follow the same changes.
    onTicketChanges(() => this.stats.reload());
  }

  /** A tile filters the list by its status; the pressed tile lets go of the filter. */
  protected filterBy(status: TicketStatus): void {
    const only = this.statuses().length === 1 && this.statuses()[0] === status;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: only ? null : status, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
