import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

/** The keys the app answers to, shown by `?`. */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['j'], what: 'Next item in a list' },
  { keys: ['k'], what: 'Previous item in a list' },
  { keys: ['Enter'], what: 'Open the chosen item' },
  { keys: ['/'], what: 'Search' },
  { keys: ['r'], what: 'Reply on a ticket' },
  { keys: ['n'], what: 'Internal note on a ticket' },
  { keys: ['g', 'q'], what: 'Go to your queue or tickets' },
  { keys: ['g', 't'], what: 'Go to all tickets you can see' },
  { keys: ['?'], what: 'Show these shortcuts' },
];

@Component({
  selector: 'hd-shortcut-help',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>Keyboard shortcuts</h2>
    <mat-dialog-content>
      <p class="hd-muted">Not while typing in a field.</p>
      <dl>
        @for (shortcut of shortcuts; track shortcut.what) {
          <dt>
            @for (key of shortcut.keys; track $index) {
              @if (!$first) {
                then
              }
              <kbd>{{ key }}</kbd>
            }
          </dt>
          <dd>{{ shortcut.what }}</dd>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 16px;
      margin: 0;
    }
    dd {
      margin: 0;
    }
    kbd {
      display: inline-block;
      min-width: 1.5em;
      padding: 0 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      text-align: center;
      font: var(--mat-sys-label-large);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortcutHelp {
  protected readonly shortcuts = SHORTCUTS;
}
