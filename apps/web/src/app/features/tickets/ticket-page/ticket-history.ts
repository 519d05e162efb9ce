import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { HistoryAction, type HistoryEntry } from '@helpdesk/shared/domain';
import { ExactTime } from '../../../shared/date-format';
import { HISTORY_LABELS } from '../../../shared/labels';
import { LoadState } from '../../../shared/load-state';
import { HistoryValue } from './history-value';

const CHANGES: readonly HistoryAction[] = [
  HistoryAction.StatusChanged,
  HistoryAction.PriorityChanged,
  HistoryAction.Assigned,
];

const EXCERPT_LENGTH = 80;

/** The ticket's audit trail as a timeline, oldest first, with internal notes marked. */
@Component({
  selector: 'hd-ticket-history',
  imports: [ExactTime, HistoryValue, LoadState, MatCard, MatCardContent, MatIcon],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>History</h2>
        <hd-load-state
          [loading]="loading() && !entries().length"
          [error]="error()"
          [empty]="!loading() && !error() && !entries().length"
          emptyText="No history yet."
          (retry)="retry.emit()"
        />
        <ol class="timeline" aria-label="History">
          @for (entry of entries(); track entry.id) {
            <li [class.note]="entry.internal">
              <span class="who">{{ entry.actor?.name ?? desk }}</span>
              @if (entry.internal) {
                &ngsp;<span class="note-label">
                  <mat-icon aria-hidden="true">lock</mat-icon>
                  wrote an internal note
                </span>
              } @else {
                {{ labels[entry.action] }}
              }
              @if (isChange(entry)) {
                <span class="change">
                  @if (entry.from) {
                    from <hd-history-value [action]="entry.action" [value]="entry.from" />
                  }
                  @if (entry.to) {
                    to <hd-history-value [action]="entry.action" [value]="entry.to" />
                  }
                </span>
              } @else if (entry.to && entry.action !== 'created') {
                <span class="detail">: {{ excerpt(entry.to) }}</span>
              }
              <time class="hd-muted" [attr.datetime]="entry.at">{{ entry.at | exactTime }}</time>
            </li>
          }
        </ol>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 16px;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    li {
      position: relative;
      padding: 4px 0 12px;
      overflow-wrap: anywhere;
    }
    li::before {
      content: '';
      position: absolute;
      left: -22px;
      top: 9px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .detail {
      overflow-wrap: anywhere;
    }
    .who {
      font: var(--mat-sys-title-small);
    }
    .note::before {
      background: var(--mat-sys-tertiary);
    }
    .note-label {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 0 6px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .note-label mat-icon {
      width: 16px;
      height: 16px;
      font-size: 16px;
    }
    time {
      display: block;
      font: var(--mat-sys-label-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketHistory {
  readonly entries = input.required<HistoryEntry[]>();
  readonly loading = input(false);
  readonly error = input<unknown>();
  /** The entries that record internal notes, marked as such. */
  readonly retry = output();

  protected readonly labels = HISTORY_LABELS;
  /** Who did what the desk did by itself (`actor: null`): automatic assignment, a reopen. */
  protected readonly desk = 'Helpdesk (automatic)';

  /** A comment's first words: the conversation holds it in full. */
  protected excerpt(text: string): string {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : line;
  }

  /** Entries that move a value from one state to another, rather than add something. */
  protected isChange(entry: HistoryEntry): boolean {
    return CHANGES.includes(entry.action);
  }
}
