import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateUserRequest, UpdateUserRequest, User } from '@helpdesk/shared/domain';
import { Observable } from 'rxjs';

/** The admin console's user calls that change something. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  create(request: CreateUserRequest): Observable<User> {
    return this.http.post<User>('/api/users', request);
  }

  update(id: number, change: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`/api/users/${id}`, change);
  }

  deactivate(id: number): Observable<void> {
    return this.http.delete<void>(`/api/users/${id}`);
  }
}
