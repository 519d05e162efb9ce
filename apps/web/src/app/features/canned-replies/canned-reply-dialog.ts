import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  CANNED_REPLY_BODY_MAX_LENGTH,
  CANNED_REPLY_PLACEHOLDERS,
  CANNED_REPLY_TITLE_MAX_LENGTH,
  type CannedReply,
  type UpdateCannedReplyRequest,
} from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';
import { CannedRepliesApi } from '../../core/api/canned-replies-api';
import { Action } from '../../shared/action';

export interface CannedReplyDialogData {
  /** The reply to edit; absent to write a new one. */
  reply?: CannedReply;
}

const NOT_BLANK = Validators.pattern(/\S/);

/** Writes a canned reply, or edits one. Closes with the saved reply. */
@Component({
  selector: 'hd-canned-reply-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  templateUrl: './canned-reply-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CannedReplyDialog {
  private readonly api = inject(CannedRepliesApi);
  private readonly dialogRef = inject<MatDialogRef<CannedReplyDialog, CannedReply>>(MatDialogRef);
  private readonly editing = inject<CannedReplyDialogData>(MAT_DIALOG_DATA).reply;

  protected readonly isNew = !this.editing;
  protected readonly placeholders = CANNED_REPLY_PLACEHOLDERS.join(', ');
  protected readonly titleMax = CANNED_REPLY_TITLE_MAX_LENGTH;
  protected readonly bodyMax = CANNED_REPLY_BODY_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [
      this.editing?.title ?? '',
      [Validators.required, Validators.maxLength(CANNED_REPLY_TITLE_MAX_LENGTH), NOT_BLANK],
    ],
    body: [
      this.editing?.body ?? '',
      [Validators.required, Validators.maxLength(CANNED_REPLY_BODY_MAX_LENGTH), NOT_BLANK],
    ],
  });
  /** Stays busy once saved: the dialog is closing. */
  protected readonly saving = new Action({ keepBusy: true });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.run(this.request(), (reply) => this.dialogRef.close(reply));
  }

  private request(): Observable<CannedReply> {
    const title = this.form.controls.title.value.trim();
    const body = this.form.controls.body.value;
    if (!this.editing) return this.api.create({ title, body });
    const change: UpdateCannedReplyRequest = {};
    if (title !== this.editing.title) change.title = title;
    if (body !== this.editing.body) change.body = body;
    return this.api.update(this.editing.id, change);
  }
}
