import type { ParamMap } from '@angular/router';
import {
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  PRIORITIES,
  SLA_FILTERS,
  TICKET_SORTS,
  TICKET_STATUSES,
  type Priority,
  type SlaFilter,
  type TicketListQuery,
  type TicketSort,
  type TicketStatus,
} from '@helpdesk/shared/domain';

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
export function ticketListQuery(
  params: ParamMap,
): Required<Pick<TicketListQuery, 'page' | 'pageSize' | 'status' | 'priority'>> & TicketListQuery {
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
    sort: sort && (TICKET_SORTS as string[]).includes(sort) ? (sort as TicketSort) : undefined,
    sla: sla && (SLA_FILTERS as string[]).includes(sla) ? (sla as SlaFilter) : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
  };
}
