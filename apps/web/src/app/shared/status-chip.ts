import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TicketStatus } from '@helpdesk/shared/domain';
import { STATUS_LABELS } from './labels';

@Component({
  selector: 'hd-status-chip',
  template: '{{ label() }}',
  styleUrl: './chip.scss',
  host: { class: 'hd-chip', '[class]': '"hd-chip-" + status()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly status = input.required<TicketStatus>();
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
}
