import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PAGE_SIZE_MAX,
  SEARCH_TOTAL_CAP,
  type Ticket,
  type TicketListQuery,
} from '@helpdesk/shared/domain';
import { map } from 'rxjs';
import { TicketsApi } from '../../core/api/tickets-api';
import { UsersApi } from '../../core/api/users-api';
import { onTicketChanges } from '../../core/live/live-updates';
import { DueBadge } from '../due-badge';
import { LoadState } from '../load-state';
import { PriorityChip } from '../priority-chip';
import { RelativeTime } from '../relative-time';
import { StatusChip } from '../status-chip';
import { TakeButton } from '../take-button';
import { TicketFilters, type TicketListParams } from './ticket-filters';
import { ticketListQuery } from './ticket-list-query';
import { TicketRowActions } from './ticket-row-actions';

/** A paged, filterable ticket table whose search, filters, sort and page live in the URL. */
@Component({
  selector: 'hd-ticket-list',
  imports: [
    DecimalPipe,
    DueBadge,
    LoadState,
    MatPaginator,
    MatTableModule,
    PriorityChip,
    RelativeTime,
    RouterLink,
    StatusChip,
    TakeButton,
    TicketFilters,
    TicketRowActions,
  ],
  templateUrl: './ticket-list.html',
  styleUrl: './ticket-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketList {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);

  /** Admin view: assignee filter, owner column and per-row reassign / status override. */
  readonly manage = input(false);
  readonly emptyText = input('No tickets match.');
  /** What this list always asks for, whatever the URL says (e.g. `assigneeId: 'none'`). */
  readonly fixed = input<Pick<TicketListQuery, 'assigneeId'>>({});
  /** The pool: a Take button per row. */
  readonly take = input(false);

  protected readonly pageSizes = [10, 25, 50, PAGE_SIZE_MAX];
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(ticketListQuery)), {
    requireSync: true,
  });
  protected readonly searchTotalCap = SEARCH_TOTAL_CAP;
  protected readonly tickets = inject(TicketsApi).list(() => ({
    ...this.query(),
    ...this.fixed(),
  }));
  protected readonly agents = inject(UsersApi).agents(this.manage);
  protected readonly agentList = computed(() =>
    this.agents.hasValue() ? this.agents.value() : null,
  );
  protected readonly columns = computed(() => {
    if (this.manage()) {
      return ['id', 'subject', 'status', 'priority', 'owner', 'assignee', 'updatedAt', 'actions'];
    }
    if (this.take()) return ['id', 'subject', 'status', 'priority', 'owner', 'updatedAt', 'take'];
    return ['id', 'subject', 'status', 'priority', 'assignee', 'updatedAt'];
  });
  /** Only a first load (or a new page / filter) shows progress; background refreshes do not. */
  protected readonly loading = computed(() => this.tickets.isLoading() && !this.tickets.hasValue());
  protected readonly isEmpty = computed(
    () => this.tickets.hasValue() && this.tickets.value().items.length === 0,
  );
  protected readonly filtered = computed(() => {
    const query = this.query();
    return !!(
      query.q ||
      query.status.length ||
      query.priority.length ||
      query.assigneeId ||
      query.sla
    );
  });

  constructor() {
    // The server only tells about tickets this person may see: any of them may be on this page.
    onTicketChanges(() => this.tickets.reload());
  }

  protected update(params: TicketListParams): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
    });
  }

  protected taken(ticket: Ticket): void {
    this.tickets.reload();
    this.snackBar
      .open(`Ticket #${ticket.id} is now yours.`, 'Open', { duration: 6000 })
      .onAction()
      .subscribe(() => void this.router.navigate(['/tickets', ticket.id]));
  }

  protected page(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
