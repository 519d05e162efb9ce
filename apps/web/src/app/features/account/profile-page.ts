import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  canSetAvailability,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@helpdesk/shared/domain';
import { AccountApi } from '../../core/api/account-api';
import { Session } from '../../core/auth/session';
import { AvailabilityToggle } from '../../core/layout/availability-toggle';
import { Action } from '../../shared/action';
import { ROLE_LABELS } from '../../shared/labels';
import { passwordsMatch } from '../../shared/passwords-match';

/** The signed-in person's own account: name, password, and for agents their availability. */
@Component({
  selector: 'hd-profile-page',
  imports: [
    AvailabilityToggle,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  templateUrl: './profile-page.html',
  styleUrl: './profile-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  private readonly api = inject(AccountApi);
  private readonly session = inject(Session);
  private readonly snackBar = inject(MatSnackBar);
  private readonly form = inject(NonNullableFormBuilder);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly showsAvailability = computed(() => {
    const actor = this.session.actor();
    return !!actor && canSetAvailability(actor);
  });
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;

  protected readonly nameForm = this.form.group({
    name: [
      this.user()?.name ?? '',
      [Validators.required, Validators.maxLength(NAME_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
  });
  protected readonly passwordForm = this.form.group(
    {
      currentPassword: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
      password: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      repeat: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );
  protected readonly savingName = new Action();
  protected readonly savingPassword = new Action();
  /** Resetting through the directive also forgets the submit, so no error shows on empty fields. */
  private readonly passwordDirective = viewChild('passwordDirective', { read: FormGroupDirective });

  protected saveName(): void {
    if (this.nameForm.invalid) {
      this.nameForm.markAllAsTouched();
      return;
    }
    const name = this.nameForm.controls.name.value.trim();
    this.savingName.run(this.api.update({ name }), (user) => {
      this.session.changed(user);
      this.nameForm.reset({ name: user.name });
      this.snackBar.open('Your name is saved.', 'OK', { duration: 4000 });
    });
  }

  protected savePassword(): void {
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { currentPassword, password } = this.passwordForm.getRawValue();
    this.savingPassword.run(this.api.update({ currentPassword, password }), () => {
      this.passwordDirective()?.resetForm();
      this.snackBar.open(
        'Your password is changed. Your other sessions have been signed out.',
        'OK',
        { duration: 6000 },
      );
    });
  }
}
