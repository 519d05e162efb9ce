import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  canAssignOnCreate,
  canCreateOnBehalf,
  DESCRIPTION_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  Priority,
  PRIORITIES,
  SUBJECT_MAX_LENGTH,
  type CreateTicketRequest,
  type Ticket,
} from '@helpdesk/shared/domain';
import { TicketsApi } from '../../core/api/tickets-api';
import { UsersApi } from '../../core/api/users-api';
import { Session } from '../../core/auth/session';
import { Action } from '../../shared/action';
import { agentLabel } from '../../shared/agent-label';
import { PRIORITY_LABELS } from '../../shared/labels';
import { FilePicker } from '../../shared/file-picker';
import { UploadList } from '../../shared/upload-list';
import { UploadTracker } from '../../shared/upload-tracker';

/**
 * Opens a ticket, then uploads the chosen attachments to it one by one. Agents and admins may
 * open it for someone else (a caller on the phone) by their e-mail address.
 */
@Component({
  selector: 'hd-new-ticket-page',
  imports: [
    FilePicker,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    UploadList,
  ],
  templateUrl: './new-ticket-page.html',
  styleUrl: './new-ticket-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewTicketPage {
  private readonly api = inject(TicketsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly actor = inject(Session).actor;

  protected readonly subjectMax = SUBJECT_MAX_LENGTH;
  protected readonly descriptionMax = DESCRIPTION_MAX_LENGTH;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly emailMax = EMAIL_MAX_LENGTH;
  protected readonly nameMax = NAME_MAX_LENGTH;
  protected readonly agentLabel = agentLabel;
  protected readonly mayCreateOnBehalf = computed(() => {
    const actor = this.actor();
    return !!actor && canCreateOnBehalf(actor);
  });
  protected readonly mayAssign = computed(() => {
    const actor = this.actor();
    return !!actor && canAssignOnCreate(actor);
  });
  protected readonly agents = inject(UsersApi).agents(this.mayAssign);

  protected readonly form = inject(NonNullableFormBuilder).group({
    subject: [
      '',
      [Validators.required, Validators.maxLength(SUBJECT_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
    description: [
      '',
      [Validators.required, Validators.maxLength(DESCRIPTION_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
    priority: [Priority.Medium as Priority],
    assigneeId: [null as number | null],
    requesterEmail: ['', [Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    requesterName: ['', [Validators.maxLength(NAME_MAX_LENGTH)]],
  });
  protected readonly uploads = new UploadTracker(this.api);
  /** Stays busy once the ticket is opened, while its files are sent. */
  protected readonly creating = new Action({ keepBusy: true });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { subject, description, priority, assigneeId, requesterEmail, requesterName } =
      this.form.getRawValue();
    const request: CreateTicketRequest = { subject: subject.trim(), description, priority };
    if (assigneeId !== null) request.assigneeId = assigneeId;
    if (this.mayCreateOnBehalf() && requesterEmail.trim()) {
      request.requesterEmail = requesterEmail.trim();
      if (requesterName.trim()) request.requesterName = requesterName.trim();
    }
    this.creating.run(this.api.create(request), (ticket) => this.uploadAll(ticket));
  }

  private uploadAll(ticket: Ticket): void {
    this.uploads.uploadAll(ticket.id).subscribe((failed) => {
      const message = failed
        ? `Ticket #${ticket.id} opened, but ${failed} attachment(s) could not be uploaded.`
        : `Ticket #${ticket.id} opened.`;
      this.snackBar.open(message, 'OK', { duration: 6000 });
      void this.router.navigate(['/tickets', ticket.id]);
    });
  }
}
