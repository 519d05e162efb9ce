import { HttpClient, HttpEventType, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AssignTicketRequest,
  Attachment,
  Comment,
  CreateTicketRequest,
  RateTicketRequest,
  Ticket,
  TicketListQuery,
  UpdateTicketRequest,
} from '@helpdesk/shared/domain';
import { filter, map, Observable, tap } from 'rxjs';

type QueryParams = Record<string, string | number | readonly string[]>;

/** Turns a list query into URL parameters, leaving out what is not set. */
export function ticketListParams(query: TicketListQuery): QueryParams {
  const params: QueryParams = {};
  if (query.q) params['q'] = query.q;
  if (query.status?.length) params['status'] = query.status;
  if (query.priority?.length) params['priority'] = query.priority;
  if (query.assigneeId !== undefined) params['assigneeId'] = String(query.assigneeId);
  if (query.sort) params['sort'] = query.sort;
  if (query.page) params['page'] = query.page;
  if (query.pageSize) params['pageSize'] = query.pageSize;
  return params;
}

/** The ticket calls that change something; lists and details are read with `httpResource`. */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateTicketRequest): Observable<Ticket> {
    return this.http.post<Ticket>('/api/tickets', request);
  }

  update(id: number, change: UpdateTicketRequest): Observable<Ticket> {
    return this.http.patch<Ticket>(`/api/tickets/${id}`, change);
  }

  assign(id: number, request: AssignTicketRequest): Observable<Ticket> {
    return this.http.post<Ticket>(`/api/tickets/${id}/assign`, request);
  }

  comment(id: number, body: string): Observable<Comment> {
    return this.http.post<Comment>(`/api/tickets/${id}/comments`, { body });
  }

  rate(id: number, request: RateTicketRequest): Observable<unknown> {
    return this.http.put(`/api/tickets/${id}/rating`, request);
  }

  /** Uploads one file, telling `progress` the percentage sent so far. */
  upload(id: number, file: File, progress: (percent: number) => void): Observable<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http
      .post<Attachment>(`/api/tickets/${id}/attachments`, form, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        tap((event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            progress(Math.round((100 * event.loaded) / event.total));
          }
        }),
        filter((event): event is HttpResponse<Attachment> => event.type === HttpEventType.Response),
        map((response) => response.body as Attachment),
      );
  }
}
