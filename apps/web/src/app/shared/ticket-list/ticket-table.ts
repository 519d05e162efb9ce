import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { Agent, Ticket, TicketSort, TicketSummary } from '@helpdesk/shared/domain';
import { Age } from '../age';
import { DueBadge } from '../due-badge';
import { PriorityChip } from '../priority-chip';
import { ExactTime } from '../date-format';
import { RelativeTime } from '../relative-time';
import { StatusChip } from '../status-chip';
import { TagChips } from '../tag-chips';
import { TakeButton } from '../take-button';
import type { RowSelection } from './row-selection';
import { TicketRowActions } from './ticket-row-actions';
import { sortOf, sortState } from './ticket-sort';

/** One page of tickets: sortable headers, and row checkboxes when given a selection. */
@Component({
  selector: 'hd-ticket-table',
  imports: [
    Age,
    ExactTime,
    DueBadge,
    MatCheckbox,
    MatSort,
    MatSortHeader,
    MatTableModule,
    MatTooltip,
    PriorityChip,
    RelativeTime,
    RouterLink,
    StatusChip,
    TagChips,
    TakeButton,
    TicketRowActions,
  ],
  templateUrl: './ticket-table.html',
  styleUrl: './ticket-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketTable {
  readonly tickets = input.required<TicketSummary[]>();
  readonly columns = input.required<string[]>();
  readonly sort = input<TicketSort | undefined>(undefined);
  /** Row checkboxes and "select page" show when given. */
  readonly selection = input<RowSelection | null>(null);
  readonly agents = input<Agent[]>([]);
  readonly sortChange = output<TicketSort>();
  /** A row action changed a ticket, or a take was refused: the page should refresh. */
  readonly changed = output();
  readonly taken = output<Ticket>();

  protected readonly sortState = computed(() => sortState(this.sort()));
  protected readonly ids = computed(() => this.tickets().map((ticket) => ticket.id));
  protected readonly allSelected = computed(() => {
    const selection = this.selection();
    return !!selection && this.ids().length > 0 && this.ids().every((id) => selection.has(id));
  });
  protected readonly someSelected = computed(() => {
    const selection = this.selection();
    return !!selection && !this.allSelected() && this.ids().some((id) => selection.has(id));
  });

  protected sorted(sort: Sort): void {
    this.sortChange.emit(sortOf(sort));
  }

  protected selectPage(checked: boolean): void {
    this.selection()?.setAll(this.ids(), checked);
  }

  /** Runs after the box toggled itself: `checked` is its new state. */
  protected rowClicked(id: number, checked: boolean, event: MouseEvent): void {
    this.selection()?.click(this.ids(), id, checked, event.shiftKey);
  }
}
