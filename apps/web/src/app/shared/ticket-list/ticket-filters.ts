import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  canBrowseTags,
  PRIORITIES,
  SEARCH_MAX_LENGTH,
  SLA_FILTERS,
  TICKET_SORTS,
  TICKET_STATUSES,
  TicketSort,
  type Agent,
} from '@helpdesk/shared/domain';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { Session } from '../../core/auth/session';
import { Desk } from '../../core/desk/desk';
import { PRIORITY_LABELS, SLA_FILTER_LABELS, SORT_LABELS, STATUS_LABELS } from '../labels';
import { TagInput } from '../tag-input';
import { INCLUDE_CLOSED_PARAM, type ListQuery } from './ticket-list-query';

/** Query parameters to merge into the URL; `null` removes one. */
export type TicketListParams = Record<string, string | string[] | number | null>;

@Component({
  selector: 'hd-ticket-filters',
  imports: [
    MatChipListbox,
    MatChipOption,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    TagInput,
  ],
  templateUrl: './ticket-filters.html',
  styleUrl: './ticket-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketFilters {
  readonly query = input.required<ListQuery>();
  /** Agents to filter by; the assignee filter shows only when given. */
  readonly agents = input<Agent[] | null>(null);
  /** A working list: closed tickets stay out unless a status is picked or they are let in. */
  readonly workingDefault = input(false);
  readonly changed = output<TicketListParams>();

  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly slaFilters = SLA_FILTERS;
  protected readonly slaFilterLabels = SLA_FILTER_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly sortLabels = SORT_LABELS;
  private readonly deskSettings = inject(Desk).settings;
  private readonly actor = inject(Session).actor;
  protected readonly suggestsTags = computed(() => {
    const actor = this.actor();
    return !!actor && canBrowseTags(actor);
  });
  /** The closed-tickets chip: shown while the statuses are the working default. */
  protected readonly showsClosedChip = computed(
    () => this.workingDefault() && this.query().status.length === 0,
  );
  /** SLA filters and the due sort mean something only while the desk keeps SLA (staff know). */
  protected readonly tracksSla = computed(
    () =>
      (this.deskSettings.hasValue() && this.deskSettings.value().sla.enabled) ||
      !!this.query().sla ||
      this.query().sort === TicketSort.Due,
  );
  protected readonly sorts = computed(() =>
    this.tracksSla() ? TICKET_SORTS : TICKET_SORTS.filter((sort) => sort !== TicketSort.Due),
  );
  protected readonly search = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(SEARCH_MAX_LENGTH)],
  });

  constructor() {
    effect(() => {
      const q = this.query().q ?? '';
      if (q !== this.search.value.trim()) this.search.setValue(q, { emitEvent: false });
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((value) => {
        if (this.search.valid) this.changed.emit({ q: value.trim() || null, page: null });
      });
  }

  protected assigneeValue(): string {
    const assignee = this.query().assigneeId;
    return assignee === undefined ? '' : String(assignee);
  }

  protected includeClosed(included: boolean): void {
    this.changed.emit({ [INCLUDE_CLOSED_PARAM]: included ? 'shown' : null, page: null });
  }

  protected set(name: string, value: string | string[]): void {
    const empty = Array.isArray(value) ? value.length === 0 : value === '';
    this.changed.emit({ [name]: empty ? null : value, page: null });
  }
}
