import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { Actor, LoginRequest, LoginResponse, SessionUser } from '@helpdesk/shared/domain';
import { catchError, finalize, firstValueFrom, map, Observable, of, tap } from 'rxjs';

/** The signed-in person, as told by `/api/auth/me`; `undefined` until first asked. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly current = signal<SessionUser | null | undefined>(undefined);
  private pending: Promise<SessionUser | null> | null = null;

  readonly user = this.current.asReadonly();
  readonly actor = computed<Actor | null>(() => {
    const user = this.current();
    return user ? { id: user.id, role: user.role } : null;
  });

  /** Asks the API once who is signed in; later calls reuse the answer. */
  load(): Promise<SessionUser | null> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    this.pending ??= firstValueFrom(
      this.http.get<SessionUser>('/api/auth/me').pipe(catchError(() => of(null))),
    ).then((user) => {
      this.current.set(user);
      this.pending = null;
      return user;
    });
    return this.pending;
  }

  login(credentials: LoginRequest): Observable<SessionUser> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials).pipe(
      map((response) => response.user),
      tap((user) => this.current.set(user)),
    );
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(finalize(() => this.clear()));
  }

  clear(): void {
    this.current.set(null);
  }
}
