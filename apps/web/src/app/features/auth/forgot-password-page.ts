import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH } from '@helpdesk/shared/domain';
import { errorMessage, errorStatus } from '../../core/api/error-message';
import { PasswordResetApi } from '../../core/api/password-reset-api';
import { Action } from '../../shared/action';

function describeRequestError(error: unknown): string {
  return errorStatus(error) === 429
    ? 'Too many requests for a reset link, try again in 15 minutes.'
    : errorMessage(error);
}

/** Asks for a password reset link by e-mail. */
@Component({
  selector: 'hd-forgot-password-page',
  imports: [
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './forgot-password-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly api = inject(PasswordResetApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
  });
  protected readonly sending = new Action({ describe: describeRequestError });
  /** The address a link was asked for; the page then says what happens next. */
  protected readonly sentTo = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.controls.email.value.trim();
    this.sending.run(this.api.request(email), () => this.sentTo.set(email));
  }
}
