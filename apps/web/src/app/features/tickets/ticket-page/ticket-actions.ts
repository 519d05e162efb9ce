import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  allowedStatusMoves,
  canAssign,
  canViewTicket,
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
import { Desk } from '../../../core/desk/desk';
import { Action } from '../../../shared/action';
import { agentLabel } from '../../../shared/agent-label';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../shared/labels';
import { ticketAccess } from '../../../shared/ticket-access';
import { TicketEditForm } from './ticket-edit-form';

/** The button text for moving a ticket to a status. */
const STATUS_MOVE_LABELS: Readonly<Record<TicketStatus, string>> = {
  open: 'Reopen',
  in_progress: 'Start work',
  resolved: 'Resolve',
  closed: 'Close ticket',
};

/** A ticket still being worked goes back to Open; only a finished one is reopened. */
function moveLabel(from: TicketStatus, to: TicketStatus): string {
  return to === TicketStatus.Open && from === TicketStatus.InProgress
    ? 'Back to open'
    : STATUS_MOVE_LABELS[to];
}

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
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  /** Read only on a hand-off, so the desk settings are not fetched for every ticket page. */
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

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
  protected readonly moveLabel = (to: TicketStatus) => moveLabel(this.ticket().status, to);
  /** Said to screen readers after a change, where focus stays (the Actions heading). */
  protected readonly announcement = signal('');
  protected readonly agentLabel = agentLabel;
  protected readonly change = new Action();
  protected readonly editing = signal(false);

  protected setStatus(status: TicketStatus): void {
    this.run(this.api.update(this.ticket().id, { status }), () => {
      // The pressed button is gone or was disabled: keep focus in the card, not on the page.
      this.announcement.set(`Status changed to ${STATUS_LABELS[status]}.`);
      this.heading()?.nativeElement.focus();
    });
  }

  protected setPriority(priority: Priority): void {
    if (priority !== this.ticket().priority)
      this.run(this.api.update(this.ticket().id, { priority }));
  }

  protected assign(assigneeId: number): void {
    if (assigneeId === this.ticket().assignee?.id) return;
    this.change.run(this.api.assign(this.ticket().id, { assigneeId }), (ticket) => {
      if (canViewTicket(this.actor(), ticketAccess(ticket), this.injector.get(Desk).access())) {
        this.updated.emit(ticket);
        return;
      }
      // Handed on by an agent who may no longer see it: back to their queue, told who has it.
      this.snackBar.open(
        `Ticket #${ticket.id} is with ${ticket.assignee?.name ?? 'nobody'} now.`,
        'OK',
        { duration: 6000 },
      );
      void this.router.navigateByUrl('/queue');
    });
  }

  protected saved(ticket: Ticket): void {
    this.editing.set(false);
    this.updated.emit(ticket);
  }

  private run(call: Observable<Ticket>, then?: () => void): void {
    this.change.run(call, (ticket) => {
      this.updated.emit(ticket);
      then?.();
    });
  }
}
