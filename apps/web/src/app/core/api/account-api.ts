import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccountUser, UpdateAccountRequest } from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';

/** The signed-in person's own account URLs of the API. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  /** Changes the caller's name, availability (agents) or password; answers the caller. */
  update(change: UpdateAccountRequest): Observable<AccountUser> {
    return this.http.patch<AccountUser>('/api/auth/me', change);
  }
}
