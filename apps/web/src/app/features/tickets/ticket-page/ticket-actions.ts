import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import {
  allowedStatusMoves,
  canAssign,
  canChangePriority,
  canEditContent,
  PRIORITIES,
  Role,
  TicketStatus,
  type Actor,
  type Priority,
  type Ticket,
} from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';
import { TicketsApi } from '../../../core/api/tickets-api';
import { UsersApi } from '../../../core/api/users-api';
import { Action } from '../../../shared/action';
import { agentLabel } from '../../../shared/agent-label';
import { PRIORITY_LABELS } from '../../../shared/labels';
import { ticketAccess } from '../../../shared/ticket-access';
import { TicketEditForm } from './ticket-edit-form';

/** The button text for moving a ticket to a status. */
const STATUS_MOVE_LABELS: Readonly<Record<TicketStatus, string>> = {
  open: 'Reopen',
  in_progress: 'Start work',
  resolved: 'Resolve',
  closed: 'Close ticket',
};

/** What the person may do with the ticket now, decided by the shared permission rules. */
@Component({
  selector: 'hd-ticket-actions',
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    MatSelectTrigger,
    TicketEditForm,
  ],
  templateUrl: './ticket-actions.html',
  styleUrl: './ticket-actions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketActions {
  private readonly api = inject(TicketsApi);

  readonly ticket = input.required<Ticket>();
  readonly actor = input.required<Actor>();
  readonly updated = output<Ticket>();

  private readonly access = computed(() => ticketAccess(this.ticket()));
  protected readonly moves = computed(() => allowedStatusMoves(this.actor(), this.access()));
  protected readonly mayChangePriority = computed(() =>
    canChangePriority(this.actor(), this.access()),
  );
  protected readonly mayAssign = computed(() => canAssign(this.actor(), this.access()));
  protected readonly mayEdit = computed(() => canEditContent(this.actor(), this.access()));
  protected readonly isAdmin = computed(() => this.actor().role === Role.Admin);
  protected readonly hasAny = computed(
    () => this.moves().length > 0 || this.mayChangePriority() || this.mayAssign() || this.mayEdit(),
  );

  protected readonly agents = inject(UsersApi).agents(this.mayAssign);
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly moveLabels = STATUS_MOVE_LABELS;
  protected readonly agentLabel = agentLabel;
  protected readonly change = new Action();
  protected readonly editing = signal(false);

  protected setStatus(status: TicketStatus): void {
    this.run(this.api.update(this.ticket().id, { status }));
  }

  protected setPriority(priority: Priority): void {
    if (priority !== this.ticket().priority)
      this.run(this.api.update(this.ticket().id, { priority }));
  }

  protected assign(assigneeId: number): void {
    if (assigneeId !== this.ticket().assignee?.id)
      this.run(this.api.assign(this.ticket().id, { assigneeId }));
  }

  protected saved(ticket: Ticket): void {
    this.editing.set(false);
    this.updated.emit(ticket);
  }

  private run(call: Observable<Ticket>): void {
    this.change.run(call, (ticket) => this.updated.emit(ticket));
  }
}
