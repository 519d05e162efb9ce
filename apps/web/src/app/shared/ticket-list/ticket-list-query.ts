import type { ParamMap } from '@angular/router';
import {
  normalizeTag,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PRIORITIES,
  SLA_FILTERS,
  TICKET_SORTS,
  TICKET_STATUSES,
  TicketStatus,
  type Priority,
  type SlaFilter,
  type TicketListQuery,
  type TicketSort,
} from '@helpdesk/shared/domain';

/** The working statuses: what the agent's queue and the admin's list show unless asked. */
export const WORKING_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (status) => status !== TicketStatus.Closed,
);

/** The URL parameter (the web app's own, never sent) that lets closed tickets into a working list. */
export const INCLUDE_CLOSED_PARAM = 'closed';

export type ListQuery = Required<
  Pick<TicketListQuery, 'page' | 'pageSize' | 'status' | 'priority' | 'tag'>
> &
  TicketListQuery & {
    /** The person asked for closed tickets too, in a list that leaves them out by default. */
    includeClosed: boolean;
  };

function positiveInt(
  value: string | null,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

function assignee(value: string | null): number | 'none' | undefined {
  if (value === 'none') return 'none';
  const id = Number(value);
  return value && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Reads a ticket list's search, filters, sort and page from the URL's query parameters. */
export function ticketListQuery(params: ParamMap): ListQuery {
  const sort = params.get('sort');
  const sla = params.get('sla');
  return {
    q: params.get('q')?.trim() || undefined,
    status: params
      .getAll('status')
      .filter((s): s is TicketStatus => (TICKET_STATUSES as string[]).includes(s)),
    priority: params
      .getAll('priority')
      .filter((p): p is Priority => (PRIORITIES as string[]).includes(p)),
    assigneeId: assignee(params.get('assigneeId')),
    tag: [
      ...new Set(
        params
          .getAll('tag')
          .map(normalizeTag)
          .filter((tag): tag is string => tag !== null),
      ),
    ],
    sort: sort && (TICKET_SORTS as string[]).includes(sort) ? (sort as TicketSort) : undefined,
    sla: sla && (SLA_FILTERS as string[]).includes(sla) ? (sla as SlaFilter) : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
    includeClosed: params.get(INCLUDE_CLOSED_PARAM) === 'shown',
  };
}

/**
 * A list's filters as the API's query string (`status=open&tag=vpn`), without paging: what a
 * saved view keeps. The order is fixed so the same filters always read the same.
 */
export function viewQueryString(query: TicketListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.append('q', query.q);
  for (const status of query.status ?? []) params.append('status', status);
  for (const priority of query.priority ?? []) params.append('priority', priority);
  if (query.assigneeId !== undefined) params.append('assigneeId', String(query.assigneeId));
  for (const tag of query.tag ?? []) params.append('tag', tag);
  if (query.sla) params.append('sla', query.sla);
  if (query.sort) params.append('sort', query.sort);
  return params.toString();
}
