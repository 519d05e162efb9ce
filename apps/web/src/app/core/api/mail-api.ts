import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MailStatus, PageQuery, RejectedMailPage, Ticket } from '@helpdesk/shared/domain';
import { Observable } from 'rxjs';

/** Every URL of the desk's mailbox: its status and the messages it did not turn into tickets. */
@Injectable({ providedIn: 'root' })
export class MailApi {
  private readonly http = inject(HttpClient);

  status(): HttpResourceRef<MailStatus | undefined> {
    return httpResource<MailStatus>(() => '/api/mail/status');
  }

  /** A page of rejected messages, newest first, following the query. */
  rejected(query: () => PageQuery): HttpResourceRef<RejectedMailPage | undefined> {
    return httpResource<RejectedMailPage>(() => {
      const { page, pageSize } = query();
      return { url: '/api/mail/rejected', params: { page: page ?? 1, pageSize: pageSize ?? 25 } };
    });
  }

  makeTicket(id: number): Observable<Ticket> {
    return this.http.post<Ticket>(`/api/mail/rejected/${id}/ticket`, null);
  }

  discard(id: number): Observable<void> {
    return this.http.delete<void>(`/api/mail/rejected/${id}`);
  }
}
