import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import {
  PRIORITIES,
  TICKET_STATUSES,
  type Agent,
  type BulkChanges,
  type TicketSummary,
} from '@helpdesk/shared/domain';
import { TicketsApi } from '../../core/api/tickets-api';
import { Action } from '../action';
import { agentLabel } from '../agent-label';
import { PRIORITY_LABELS, STATUS_LABELS } from '../labels';
import { TagInput } from '../tag-input';
import { bulkSummary } from './bulk-summary';

/** What to do with the ticked rows: status, priority, assignee, tags; results told in words. */
@Component({
  selector: 'hd-bulk-bar',
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, TagInput],
  template: `
    <div class="bar" role="toolbar" aria-label="Change the selected tickets">
      <span class="count">{{ ids().length }} selected</span>
      <button mat-stroked-button type="button" [matMenuTriggerFor]="statusMenu" [disabled]="busy()">
        Status <mat-icon iconPositionEnd>arrow_drop_down</mat-icon>
      </button>
      <button
        mat-stroked-button
        type="button"
        [matMenuTriggerFor]="priorityMenu"
        [disabled]="busy()"
      >
        Priority <mat-icon iconPositionEnd>arrow_drop_down</mat-icon>
      </button>
      <button mat-stroked-button type="button" [matMenuTriggerFor]="assignMenu" [disabled]="busy()">
        Assign to <mat-icon iconPositionEnd>arrow_drop_down</mat-icon>
      </button>
      <div class="tags">
        <hd-tag-input label="Tags to add or remove" [suggest]="true" [(tags)]="tags" />
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy() || !tags().length"
          (click)="apply({ addTags: tags() })"
        >
          Add tags
        </button>
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy() || !tags().length"
          (click)="apply({ removeTags: tags() })"
        >
          Remove tags
        </button>
      </div>
      <button mat-button type="button" (click)="cleared.emit()">Clear selection</button>
    </div>
    <mat-menu #statusMenu="matMenu">
      @for (status of statuses; track status) {
        <button mat-menu-item type="button" (click)="apply({ status })">
          {{ statusLabels[status] }}
        </button>
      }
    </mat-menu>
    <mat-menu #priorityMenu="matMenu">
      @for (priority of priorities; track priority) {
        <button mat-menu-item type="button" (click)="apply({ priority })">
          {{ priorityLabels[priority] }}
        </button>
      }
    </mat-menu>
    <mat-menu #assignMenu="matMenu">
      @for (agent of agents(); track agent.id) {
        <button mat-menu-item type="button" (click)="apply({ assigneeId: agent.id })">
          {{ agentLabel(agent) }}
        </button>
      } @empty {
        <button mat-menu-item type="button" disabled>No active agents</button>
      }
    </mat-menu>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      font: var(--mat-sys-label-large);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      flex: 1 1 320px;

      hd-tag-input {
        flex: 1 1 200px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkBar {
  private readonly api = inject(TicketsApi);

  /** The ticked tickets' ids. */
  readonly ids = input.required<number[]>();
  /** The page's rows, to explain refusals ("#57 is closed"). */
  readonly tickets = input<TicketSummary[]>([]);
  readonly agents = input<Agent[]>([]);
  /** The results in words, once the change is made. */
  readonly done = output<string>();
  readonly cleared = output();

  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly agentLabel = agentLabel;
  protected readonly tags = signal<string[]>([]);
  private readonly change = new Action({ failed: (message) => this.done.emit(message) });
  protected readonly busy = this.change.busy;

  protected apply(changes: BulkChanges): void {
    const tickets = this.tickets();
    this.change.run(this.api.bulk({ ids: this.ids(), changes }), ({ results }) => {
      if (changes.addTags || changes.removeTags) this.tags.set([]);
      this.done.emit(bulkSummary(results, tickets));
    });
  }
}
