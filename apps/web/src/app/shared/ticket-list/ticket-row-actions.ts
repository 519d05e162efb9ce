import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  allowedStatusMoves,
  canAssign,
  type Agent,
  type TicketStatus,
  type TicketSummary,
} from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';
import { TicketsApi } from '../../core/api/tickets-api';
import { Session } from '../../core/auth/session';
import { Action } from '../action';
import { agentLabel } from '../agent-label';
import { STATUS_LABELS } from '../labels';
import { ticketAccess } from '../ticket-access';

/** A row's menu: reassign the ticket or override its status, as far as the person may. */
@Component({
  selector: 'hd-ticket-row-actions',
  imports: [MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger],
  template: `
    @if (moves().length || mayAssign()) {
      <button
        mat-icon-button
        type="button"
        [matMenuTriggerFor]="menu"
        [attr.aria-label]="'Actions for ticket ' + ticket().id"
      >
        <mat-icon>more_vert</mat-icon>
      </button>
      <mat-menu #menu="matMenu">
        @if (mayAssign()) {
          <button mat-menu-item type="button" [matMenuTriggerFor]="assignMenu">Assign to</button>
        }
        @if (moves().length) {
          <button mat-menu-item type="button" [matMenuTriggerFor]="statusMenu">Set status</button>
        }
      </mat-menu>
      <mat-menu #assignMenu="matMenu">
        @for (agent of agents(); track agent.id) {
          <button
            mat-menu-item
            type="button"
            [disabled]="agent.id === ticket().assignee?.id"
            (click)="assign(agent)"
          >
            {{ agentLabel(agent) }}
          </button>
        } @empty {
          <button mat-menu-item type="button" disabled>No active agents</button>
        }
      </mat-menu>
      <mat-menu #statusMenu="matMenu">
        @for (status of moves(); track status) {
          <button mat-menu-item type="button" (click)="setStatus(status)">
            {{ statusLabels[status] }}
          </button>
        }
      </mat-menu>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketRowActions {
  private readonly api = inject(TicketsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly actor = inject(Session).actor;

  readonly ticket = input.required<TicketSummary>();
  readonly agents = input.required<Agent[]>();
  readonly changed = output();

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly agentLabel = agentLabel;
  protected readonly moves = computed(() => {
    const actor = this.actor();
    return actor ? allowedStatusMoves(actor, ticketAccess(this.ticket())) : [];
  });
  protected readonly mayAssign = computed(() => {
    const actor = this.actor();
    return !!actor && canAssign(actor, ticketAccess(this.ticket()));
  });
  private readonly change = new Action({
    failed: (message) => this.snackBar.open(message, 'OK', { duration: 6000 }),
  });

  protected assign(agent: Agent): void {
    this.run(
      this.api.assign(this.ticket().id, { assigneeId: agent.id }),
      `Assigned to ${agent.name}`,
    );
  }

  protected setStatus(status: TicketStatus): void {
    this.run(
      this.api.update(this.ticket().id, { status }),
      `Status set to ${STATUS_LABELS[status]}`,
    );
  }

  private run(call: Observable<unknown>, done: string): void {
    this.change.run(call, () => {
      this.snackBar.open(`Ticket #${this.ticket().id}: ${done}`, 'OK', { duration: 4000 });
      this.changed.emit();
    });
  }
}
