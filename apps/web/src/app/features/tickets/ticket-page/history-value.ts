import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  HistoryAction,
  PRIORITIES,
  TICKET_STATUSES,
  type Priority,
  type TicketStatus,
} from '@helpdesk/shared/domain';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../shared/labels';

/** A history entry's `from` or `to`, in words when it is a status or priority. */
@Component({
  selector: 'hd-history-value',
  template: '<strong>{{ text() }}</strong>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryValue {
  readonly action = input.required<HistoryAction>();
  readonly value = input.required<string>();

  protected readonly text = computed(() => {
    const value = this.value();
    if (
      this.action() === HistoryAction.StatusChanged &&
      (TICKET_STATUSES as string[]).includes(value)
    ) {
      return STATUS_LABELS[value as TicketStatus];
    }
    if (
      this.action() === HistoryAction.PriorityChanged &&
      (PRIORITIES as string[]).includes(value)
    ) {
      return PRIORITY_LABELS[value as Priority];
    }
    return value;
  });
}
