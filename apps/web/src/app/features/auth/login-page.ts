import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '@helpdesk/shared/domain';
import { errorMessage, errorStatus } from '../../core/api/error-message';
import { homeUrl } from '../../core/auth/home-url';
import { Session } from '../../core/auth/session';
import { Action } from '../../shared/action';

/** Only paths inside this app are followed after signing in. */
function safeReturnUrl(url: string | undefined): string | null {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login')
    ? url
    : null;
}

/** The sign-in page's own words for wrong credentials and for too many attempts. */
function describeLoginError(error: unknown): string {
  const status = errorStatus(error);
  if (status === 401) return 'Wrong email or password.';
  if (status === 429) return 'Too many attempts, try again later.';
  return errorMessage(error);
}

@Component({
  selector: 'hd-login-page',
  imports: [
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  /** Where to go back to after signing in (from the `returnUrl` query parameter). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly signIn = new Action({ describe: describeLoginError });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.signIn.run(this.session.login(this.form.getRawValue()), (user) => {
      void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homeUrl(user.role));
    });
  }
}
