import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CannedReply,
  CreateCannedReplyRequest,
  UpdateCannedReplyRequest,
} from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';

/**
 * Every canned reply URL of the API. Reads are `httpResource` refs that follow their signals
 * (create them in an injection context, e.g. a field initializer); changes are observables.
 */
@Injectable({ providedIn: 'root' })
export class CannedRepliesApi {
  private readonly http = inject(HttpClient);

  /** The canned replies in title order; `q` narrows them to a part of the title or body. */
  list(q: () => string): HttpResourceRef<CannedReply[] | undefined> {
    return httpResource<CannedReply[]>(() => {
      const query = q().trim();
      const params: Record<string, string> = {};
      if (query) params['q'] = query;
      return { url: '/api/canned-replies', params };
    });
  }

  create(request: CreateCannedReplyRequest): Observable<CannedReply> {
    return this.http.post<CannedReply>('/api/canned-replies', request);
  }

  update(id: number, change: UpdateCannedReplyRequest): Observable<CannedReply> {
    return this.http.patch<CannedReply>(`/api/canned-replies/${id}`, change);
  }

  delete(id: number): Observable<void> {
    return this.http.delete<void>(`/api/canned-replies/${id}`);
  }
}
