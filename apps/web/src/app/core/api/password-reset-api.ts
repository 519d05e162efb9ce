import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PasswordResetConfirmRequest } from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';

/** The password reset URLs of the API; both answer without a session. */
@Injectable({ providedIn: 'root' })
export class PasswordResetApi {
  private readonly http = inject(HttpClient);

  /** Asks for a reset link by e-mail; the answer is the same whether the address is known or not. */
  request(email: string): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', { email });
  }

  /** Sets a new password with the token of the link; every session of the account ends. */
  confirm(request: PasswordResetConfirmRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset/confirm', request);
  }
}
