import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Priority } from '@helpdesk/shared/domain';
import { PRIORITY_LABELS } from './labels';

@Component({
  selector: 'hd-priority-chip',
  template: '{{ label() }}',
  styleUrl: './chip.scss',
  host: { class: 'hd-chip', '[class]': '"hd-chip-" + priority()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PriorityChip {
  readonly priority = input.required<Priority>();
  protected readonly label = computed(() => PRIORITY_LABELS[this.priority()]);
}
