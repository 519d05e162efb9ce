import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Agent,
  CreateUserRequest,
  Page,
  UpdateUserRequest,
  User,
  UserListQuery,
} from '@helpdesk/shared/domain';
import { Observable } from 'rxjs';

/**
 * Every user and agent URL of the API. Reads are `httpResource` refs that follow their signals
 * (create them in an injection context, e.g. a field initializer); changes are observables.
 */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  /** A page of the admin console's users, following the query. */
  list(query: () => UserListQuery): HttpResourceRef<Page<User> | undefined> {
    return httpResource<Page<User>>(() => {
      const { page, pageSize, q, role } = query();
      const params: Record<string, string | number> = {};
      if (page) params['page'] = page;
      if (pageSize) params['pageSize'] = pageSize;
      if (q) params['q'] = q;
      if (role) params['role'] = role;
      return { url: '/api/users', params };
    });
  }

  /** The active agents, to assign tickets to; nothing is fetched while `when` gives `false`. */
  agents(when: () => boolean): HttpResourceRef<Agent[] | undefined> {
    return httpResource<Agent[]>(() => (when() ? '/api/agents' : undefined));
  }

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
