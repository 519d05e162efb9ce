import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { Ticket } from '@helpdesk/shared/domain';
import { TakeButton } from '../../../shared/take-button';

/** A pool ticket: the one thing an agent may do with it is take it. */
@Component({
  selector: 'hd-ticket-take',
  imports: [MatCard, MatCardContent, RouterLink, TakeButton],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>Unassigned</h2>
        @if (refusal(); as message) {
          <p class="hd-error" role="alert">{{ message }}</p>
          <a routerLink="/queue/unassigned">Back to the unassigned tickets</a>
        } @else {
          <p>Nobody works on this ticket yet. Take it to reply, write notes and change it.</p>
          <hd-take-button
            [ticketId]="ticket().id"
            (taken)="taken.emit($event)"
            (refused)="refusal.set($event)"
          />
        }
      </mat-card-content>
    </mat-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketTake {
  readonly ticket = input.required<Ticket>();
  readonly taken = output<Ticket>();

  protected readonly refusal = signal<string | null>(null);
}
