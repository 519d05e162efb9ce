import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { COMMENT_MAX_LENGTH, type Comment } from '@helpdesk/shared/domain';
import { TicketsApi } from '../../../core/api/tickets-api';
import { Action } from '../../../shared/action';
import { ROLE_LABELS } from '../../../shared/labels';
import { LoadState } from '../../../shared/load-state';
import { RelativeTime } from '../../../shared/relative-time';

/** The comments on a ticket, oldest first, and a box to add one. */
@Component({
  selector: 'hd-ticket-conversation',
  imports: [
    DatePipe,
    LoadState,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RelativeTime,
  ],
  templateUrl: './ticket-conversation.html',
  styleUrl: './ticket-conversation.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketConversation {
  private readonly api = inject(TicketsApi);

  readonly ticketId = input.required<number>();
  readonly comments = input.required<Comment[]>();
  readonly loading = input(false);
  readonly error = input<unknown>();
  readonly posted = output<Comment>();
  readonly retry = output();

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly maxLength = COMMENT_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    body: [
      '',
      [Validators.required, Validators.maxLength(COMMENT_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
  });
  protected readonly posting = new Action();

  protected send(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.posting.run(
      this.api.comment(this.ticketId(), this.form.controls.body.value),
      (comment) => {
        this.form.reset();
        this.posted.emit(comment);
      },
    );
  }
}
