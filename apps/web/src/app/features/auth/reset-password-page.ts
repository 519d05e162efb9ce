import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@helpdesk/shared/domain';
import { errorMessage, errorStatus } from '../../core/api/error-message';
import { PasswordResetApi } from '../../core/api/password-reset-api';
import { Session } from '../../core/auth/session';
import { Action } from '../../shared/action';
import { passwordsMatch } from '../../shared/passwords-match';

function describeConfirmError(error: unknown): string {
  return errorStatus(error) === 400
    ? 'This link is invalid, already used or expired. Ask for a new one.'
    : errorMessage(error);
}

/** Chooses a new password with the token of the link mailed by "Forgot password?". */
@Component({
  selector: 'hd-reset-password-page',
  imports: [
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './reset-password-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly session = inject(Session);

  /** From the link's `token` query parameter. */
  readonly token = input<string>();

  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
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
  protected readonly saving = new Action({ describe: describeConfirmError });
  protected readonly done = signal(false);

  protected submit(): void {
    const token = this.token();
    if (this.form.invalid || !token) {
      this.form.markAllAsTouched();
      return;
    }
    const { password } = this.form.getRawValue();
    this.saving.run(this.api.confirm({ token, password }), () => {
      // Every session of the account has ended, this browser's too if it had one.
      this.session.clear();
      this.done.set(true);
    });
  }
}
