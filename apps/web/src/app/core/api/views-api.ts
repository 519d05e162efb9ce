import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateViewRequest, SavedView } from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';

/** Saved views: the caller's own and the built-in ones, each with its count. */
@Injectable({ providedIn: 'root' })
export class ViewsApi {
  private readonly http = inject(HttpClient);

  /** Nothing is fetched while `enabled` gives false. */
  list(enabled: () => boolean): HttpResourceRef<SavedView[] | undefined> {
    return httpResource<SavedView[]>(() => (enabled() ? '/api/views' : undefined));
  }

  create(request: CreateViewRequest): Observable<SavedView> {
    return this.http.post<SavedView>('/api/views', request);
  }

  remove(id: number | string): Observable<void> {
    return this.http.delete<void>(`/api/views/${id}`);
  }
}
