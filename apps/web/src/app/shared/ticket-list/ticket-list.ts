import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import {
  canBulkChange,
  canListAgents,
  PAGE_SIZE_MAX,
  SEARCH_TOTAL_CAP,
  type Ticket,
  type TicketListQuery,
  type TicketSort,
} from '@helpdesk/shared/domain';
import { map } from 'rxjs';
import { TicketsApi } from '../../core/api/tickets-api';
import { UsersApi } from '../../core/api/users-api';
import { Session } from '../../core/auth/session';
import { onTicketChanges } from '../../core/live/live-updates';
import { LoadState } from '../load-state';
import { BulkBar } from './bulk-bar';
import { RowSelection } from './row-selection';
import { SaveView } from './save-view';
import { TicketFilters, type TicketListParams } from './ticket-filters';
import { ticketListQuery, viewQueryString, WORKING_STATUSES } from './ticket-list-query';
import { TicketTable } from './ticket-table';

/** A paged, filterable ticket table whose search, filters, sort and page live in the URL. */
@Component({
  selector: 'hd-ticket-list',
  imports: [BulkBar, DecimalPipe, LoadState, MatPaginator, SaveView, TicketFilters, TicketTable],
  templateUrl: './ticket-list.html',
  styleUrl: './ticket-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketList {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly actor = inject(Session).actor;

  /** Admin view: assignee filter and per-row reassign / status override. */
  readonly manage = input(false);
  readonly emptyText = input('No tickets match.');
  /** What this list always asks for, whatever the URL says (e.g. `assigneeId: 'none'`). */
  readonly fixed = input<Pick<TicketListQuery, 'assigneeId'>>({});
  /** The pool: a Take button per row. */
  readonly take = input(false);
  /** A working list (queue, all tickets): closed tickets stay out unless asked for. */
  readonly workingDefault = input(false);

  protected readonly pageSizes = [10, 25, 50, PAGE_SIZE_MAX];
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(ticketListQuery)), {
    requireSync: true,
  });
  /** What is asked of the API: the URL's query, the list's fixed part and its default statuses. */
  private readonly request = computed<TicketListQuery>(() => {
    const { includeClosed, ...query } = this.query();
    const workingOnly = this.workingDefault() && !includeClosed && !query.status.length;
    return { ...query, ...this.fixed(), ...(workingOnly ? { status: [...WORKING_STATUSES] } : {}) };
  });
  /** The list's filters as a saved view keeps them. */
  protected readonly viewQuery = computed(() => viewQueryString(this.request()));
  protected readonly searchTotalCap = SEARCH_TOTAL_CAP;
  protected readonly tickets = inject(TicketsApi).list(this.request);
  protected readonly items = computed(() =>
    this.tickets.hasValue() ? this.tickets.value().items : [],
  );
  private readonly staff = computed(() => {
    const actor = this.actor();
    return !!actor && canListAgents(actor);
  });
  protected readonly agents = inject(UsersApi).agents(this.staff);
  protected readonly agentList = computed(() =>
    this.agents.hasValue() ? this.agents.value() : [],
  );
  /** Pool rows are taken one by one; any other list of an agent or admin allows bulk changes. */
  protected readonly selection = computed(() => {
    const actor = this.actor();
    return actor && canBulkChange(actor) && !this.take() ? this.rows : null;
  });
  protected readonly rows = new RowSelection();
  protected readonly selectedIds = computed(() => [...this.rows.selected()]);
  protected readonly bulkResult = signal<string | null>(null);
  protected readonly columns = computed(() => {
    const hasDue = this.items().some((ticket) => ticket.sla) || this.query().sort === 'due';
    const columns = [
      ...(this.selection() ? ['select'] : []),
      'id',
      'subject',
      'status',
      'priority',
      ...(this.staff() ? ['requester'] : []),
      ...(this.take() ? [] : ['assignee']),
      'createdAt',
      'updatedAt',
      ...(hasDue ? ['due'] : []),
    ];
    if (this.manage()) columns.push('actions');
    if (this.take()) columns.push('take');
    return columns;
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
      query.tag.length ||
      query.assigneeId ||
      query.sla
    );
  });

  constructor() {
    // The server only tells about tickets this person may see: any of them may be on this page.
    onTicketChanges(() => this.tickets.reload());
    // Ticked rows that left the page (refresh, new page or filter) are no longer selected.
    effect(() => this.rows.keepOnly(this.items().map((ticket) => ticket.id)));
  }

  protected update(params: TicketListParams): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
    });
  }

  protected sort(sort: TicketSort): void {
    this.update({ sort, page: null });
  }

  protected bulkDone(summary: string): void {
    this.bulkResult.set(summary);
    this.rows.clear();
    this.tickets.reload();
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
