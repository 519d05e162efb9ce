import {
  HttpClient,
  HttpEventType,
  httpResource,
  HttpResponse,
  type HttpResourceRef,
} from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AssignTicketRequest,
  Attachment,
  BulkChangeRequest,
  BulkChangeResponse,
  Comment,
  CreateCommentRequest,
  CreateTicketRequest,
  DailyTicketActivity,
  HistoryEntry,
  RateTicketRequest,
  Ticket,
  TicketCounts,
  TicketListQuery,
  TicketPage,
  UpdateTicketRequest,
} from '@helpdesk/shared/domain';
import { filter, map, Observable, tap } from 'rxjs';

type QueryParams = Record<string, string | number | readonly string[]>;

/** Turns a list query into URL parameters, leaving out what is not set. */
function ticketListParams(query: TicketListQuery): QueryParams {
  const params: QueryParams = {};
  if (query.q) params['q'] = query.q;
  if (query.status?.length) params['status'] = query.status;
  if (query.priority?.length) params['priority'] = query.priority;
  if (query.assigneeId !== undefined) params['assigneeId'] = String(query.assigneeId);
  if (query.sort) params['sort'] = query.sort;
  if (query.sla) params['sla'] = query.sla;
  if (query.tag?.length) params['tag'] = query.tag;
  if (query.page) params['page'] = query.page;
  if (query.pageSize) params['pageSize'] = query.pageSize;
  return params;
}

/** The URL of one ticket, or of one of its parts; `undefined` (nothing fetched) without an id. */
function ticketUrl(id: number | null, part?: string): string | undefined {
  if (id === null) return undefined;
  return part ? `/api/tickets/${id}/${part}` : `/api/tickets/${id}`;
}

/**
 * Every ticket URL of the API. Reads are `httpResource` refs that follow their signals (create
 * them in an injection context, e.g. a field initializer); changes are observables.
 */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);

  /** A page of the tickets the person may see, following the query. */
  list(query: () => TicketListQuery): HttpResourceRef<TicketPage | undefined> {
    return httpResource<TicketPage>(() => ({
      url: '/api/tickets',
      params: ticketListParams(query()),
    }));
  }

  /** One ticket; nothing is fetched while `id` gives `null`. */
  ticket(id: () => number | null): HttpResourceRef<Ticket | undefined> {
    return httpResource<Ticket>(() => ticketUrl(id()));
  }

  /** A ticket's comments, oldest first; nothing is fetched while `id` gives `null`. */
  comments(id: () => number | null): HttpResourceRef<Comment[] | undefined> {
    return httpResource<Comment[]>(() => ticketUrl(id(), 'comments'));
  }

  /** A ticket's files; nothing is fetched while `id` gives `null`. */
  attachments(id: () => number | null): HttpResourceRef<Attachment[] | undefined> {
    return httpResource<Attachment[]>(() => ticketUrl(id(), 'attachments'));
  }

  /** A ticket's history, oldest first; nothing is fetched while `id` gives `null`. */
  history(id: () => number | null): HttpResourceRef<HistoryEntry[] | undefined> {
    return httpResource<HistoryEntry[]>(() => ticketUrl(id(), 'history'));
  }

  /** Counts by status and priority of the tickets the person may see. */
  stats(): HttpResourceRef<TicketCounts | undefined> {
    return httpResource<TicketCounts>(() => '/api/tickets/stats');
  }

  /** Tickets opened and resolved per day over the last `days` days. */
  activity(days: number): HttpResourceRef<DailyTicketActivity[] | undefined> {
    return httpResource<DailyTicketActivity[]>(() => ({
      url: '/api/tickets/activity',
      params: { days },
    }));
  }

  /** Where the browser downloads an attachment's content. */
  contentUrl(attachment: Attachment): string {
    return `/api/attachments/${attachment.id}/content`;
  }

  create(request: CreateTicketRequest): Observable<Ticket> {
    return this.http.post<Ticket>('/api/tickets', request);
  }

  update(id: number, change: UpdateTicketRequest): Observable<Ticket> {
    return this.http.patch<Ticket>(`/api/tickets/${id}`, change);
  }

  assign(id: number, request: AssignTicketRequest): Observable<Ticket> {
    return this.http.post<Ticket>(`/api/tickets/${id}/assign`, request);
  }

  /** One change to many tickets; each is judged on its own and answers in `results`. */
  bulk(request: BulkChangeRequest): Observable<BulkChangeResponse> {
    return this.http.post<BulkChangeResponse>('/api/tickets/bulk', request);
  }

  /** Takes an unassigned ticket from the pool; 409 when someone else took it first. */
  take(id: number): Observable<Ticket> {
    return this.http.post<Ticket>(`/api/tickets/${id}/take`, {});
  }

  /** A reply to the owner, or with `internal` a note for agents and admins only. */
  comment(id: number, request: CreateCommentRequest): Observable<Comment> {
    return this.http.post<Comment>(`/api/tickets/${id}/comments`, request);
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
