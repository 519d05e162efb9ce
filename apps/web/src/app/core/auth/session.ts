import { HttpClient, HttpErrorResponse } from '@angular/common/http';
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

  /**
   * Asks `/api/auth/me` again, bypassing the remembered answer: `signed-out` on a 401,
   * `unknown` when the API could not be reached.
   */
  async recheck(): Promise<'signed-in' | 'signed-out' | 'unknown'> {
    try {
      const user = await firstValueFrom(this.http.get<SessionUser>('/api/auth/me'));
      if (user.id !== this.current()?.id || user.role !== this.current()?.role) {
        this.current.set(user);
      }
      return 'signed-in';
    } catch (error: unknown) {
      return error instanceof HttpErrorResponse && error.status === 401 ? 'signed-out' : 'unknown';
    }
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

  /** The person changed their own account (e.g. their name): the app shows it at once. */
  changed(user: SessionUser): void {
    if (this.current()?.id !== user.id) return;
    this.current.set({ id: user.id, name: user.name, email: user.email, role: user.role });
  }

  clear(): void {
    this.current.set(null);
  }
}
