import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
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
import { MatOption, MatSelect } from '@angular/material/select';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  Role,
  ROLES,
  type UpdateUserRequest,
  type User,
} from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';
import { UsersApi } from '../../../core/api/users-api';
import { Action } from '../../../shared/action';
import { ROLE_LABELS } from '../../../shared/labels';

export interface UserDialogData {
  /** The user to edit; absent to create one. */
  user?: User;
}

/** Creates a user, or edits one's name, role and password. Closes with the saved user. */
@Component({
  selector: 'hd-user-dialog',
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
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './user-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, User>>(MatDialogRef);
  private readonly editing = inject<UserDialogData>(MAT_DIALOG_DATA).user;

  protected readonly isNew = !this.editing;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [
      this.editing?.name ?? '',
      [Validators.required, Validators.maxLength(NAME_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
    email: [
      { value: this.editing?.email ?? '', disabled: !this.isNew },
      [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)],
    ],
    role: [this.editing?.role ?? (Role.User as Role), Validators.required],
    password: [
      '',
      [
        ...(this.isNew ? [Validators.required] : []),
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
  });
  /** Stays busy once saved: the dialog is closing. */
  protected readonly saving = new Action({ keepBusy: true });
  protected readonly title = computed(() =>
    this.isNew ? 'New user' : `Edit ${this.editing?.name}`,
  );

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.run(this.request(), (user) => this.dialogRef.close(user));
  }

  private request(): Observable<User> {
    const { name, email, role, password } = this.form.getRawValue();
    if (!this.editing)
      return this.api.create({ name: name.trim(), email: email.trim(), role, password });
    const change: UpdateUserRequest = {};
    if (name.trim() !== this.editing.name) change.name = name.trim();
    if (role !== this.editing.role) change.role = role;
    if (password) change.password = password;
    return this.api.update(this.editing.id, change);
  }
}
