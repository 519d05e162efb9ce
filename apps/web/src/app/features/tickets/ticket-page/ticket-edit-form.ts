import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  DESCRIPTION_MAX_LENGTH,
  SUBJECT_MAX_LENGTH,
  type Ticket,
  type UpdateTicketRequest,
} from '@helpdesk/shared/domain';
import { TicketsApi } from '../../../core/api/tickets-api';
import { Action } from '../../../shared/action';

/** Edits a ticket's subject and description, sending only what changed. */
@Component({
  selector: 'hd-ticket-edit-form',
  imports: [MatButton, MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-form-field class="hd-full-width">
        <mat-label>Subject</mat-label>
        <input matInput formControlName="subject" required />
        @if (form.controls.subject.invalid) {
          <mat-error>Enter a subject of at most {{ subjectMax }} characters.</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="hd-full-width">
        <mat-label>Description</mat-label>
        <textarea matInput formControlName="description" rows="5" required></textarea>
        @if (form.controls.description.invalid) {
          <mat-error>Enter a description of at most {{ descriptionMax }} characters.</mat-error>
        }
      </mat-form-field>
      @if (saving.error(); as message) {
        <p class="hd-error" role="alert">{{ message }}</p>
      }
      <div class="buttons">
        <button mat-flat-button type="submit" [disabled]="saving.busy()">Save changes</button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .buttons {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketEditForm {
  private readonly api = inject(TicketsApi);

  readonly ticket = input.required<Ticket>();
  readonly saved = output<Ticket>();
  readonly cancelled = output();

  protected readonly subjectMax = SUBJECT_MAX_LENGTH;
  protected readonly descriptionMax = DESCRIPTION_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    subject: [
      '',
      [Validators.required, Validators.maxLength(SUBJECT_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
    description: [
      '',
      [Validators.required, Validators.maxLength(DESCRIPTION_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
  });
  protected readonly saving = new Action();

  constructor() {
    // A background refresh hands in a new ticket object: only a real change of the saved
    // text is shown, and never over what the person is typing.
    const saved = computed(
      () => {
        const { id, subject, description } = this.ticket();
        return { id, subject, description };
      },
      {
        equal: (a, b) =>
          a.id === b.id && a.subject === b.subject && a.description === b.description,
      },
    );
    let shownId: number | null = null;
    effect(() => {
      const { id, subject, description } = saved();
      untracked(() => {
        if (id === shownId && this.form.dirty) return;
        shownId = id;
        this.form.reset({ subject, description });
      });
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const ticket = this.ticket();
    const { subject, description } = this.form.getRawValue();
    const change: UpdateTicketRequest = {};
    if (subject.trim() !== ticket.subject) change.subject = subject.trim();
    if (description !== ticket.description) change.description = description;
    if (!Object.keys(change).length) {
      this.cancelled.emit();
      return;
    }
    this.saving.run(this.api.update(ticket.id, change), (updated) => this.saved.emit(updated));
  }
}
