import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { TicketSla } from '@helpdesk/shared/domain';
import { Clock } from './clock';
import { dueBadge, type DueTone } from './sla-badge';

const ICONS: Readonly<Record<DueTone, string>> = {
  due: 'schedule',
  soon: 'alarm',
  breached: 'error',
};

/**
 * The ticket's next SLA target ("due in 45 min", red "overdue 20 min" once breached) with the
 * exact time in a tooltip; nothing without SLA or once every target is met. Moves with the clock.
 */
@Component({
  selector: 'hd-due-badge',
  imports: [MatIcon, MatTooltip],
  template: `
    @if (badge(); as b) {
      <time
        class="badge"
        [class]="b.tone"
        [attr.datetime]="b.dueAt"
        [matTooltip]="b.detail"
        tabindex="0"
        data-testid="due-badge"
      >
        <mat-icon aria-hidden="true">{{ icons[b.tone] }}</mat-icon>
        {{ b.text }}
      </time>
    }
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px 2px 6px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .badge:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    mat-icon {
      width: 16px;
      height: 16px;
      font-size: 16px;
    }
    .soon {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .breached {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DueBadge {
  readonly sla = input.required<TicketSla | null>();

  private readonly now = inject(Clock).now;
  protected readonly icons = ICONS;
  protected readonly badge = computed(() => dueBadge(this.sla(), this.now()));
}
