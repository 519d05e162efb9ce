import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Ticket } from '@helpdesk/shared/domain';
import { errorMessage, errorStatus } from '../core/api/error-message';
import { TicketsApi } from '../core/api/tickets-api';
import { Action } from './action';

/** What a 409 on taking means to the agent. */
export function takenByOtherMessage(ticketId: number): string {
  return `Someone else took ticket #${ticketId} first.`;
}

/**
 * Takes an unassigned ticket from the pool. A refusal (another agent was quicker: 409) is said in
 * words and told to the screen, which then shows the pool as it now is.
 */
@Component({
  selector: 'hd-take-button',
  imports: [MatButton],
  template: `
    <button
      mat-flat-button
      type="button"
      [disabled]="taking.busy()"
      [attr.aria-label]="'Take ticket #' + ticketId()"
      (click)="take()"
    >
      Take
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TakeButton {
  private readonly api = inject(TicketsApi);
  private readonly snackBar = inject(MatSnackBar);

  readonly ticketId = input.required<number>();
  /** The ticket, now assigned to the person. */
  readonly taken = output<Ticket>();
  /** Why it could not be taken; the ticket is no longer (or never was) in the pool. */
  readonly refused = output<string>();

  protected readonly taking = new Action({
    describe: (error) =>
      errorStatus(error) === 409 ? takenByOtherMessage(this.ticketId()) : errorMessage(error),
    failed: (message) => {
      this.snackBar.open(message, 'OK', { duration: 6000 });
      this.refused.emit(message);
    },
  });

  protected take(): void {
    this.taking.run(this.api.take(this.ticketId()), (ticket) => this.taken.emit(ticket));
  }
}
