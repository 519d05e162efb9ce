import {
  type Priority,
  SEARCH_TOTAL_CAP,
  type TicketPage,
  TicketSort,
  type TicketStatus,
  type TicketSummary,
} from '@helpdesk/shared/domain';
import { toIsoTimestamp } from '../../database/db-time';
import { slaView } from '../sla/sla-clocks';
import type { TicketListQueryDto } from './dto/ticket-requests.dto';

/** What a ticket row of a list or a page holds, how lists are ordered, and how rows become answers. */
export interface SummaryRow {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  ownerId: number;
  ownerName: string;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  firstResponseDueAt: Date | string | null;
  firstRespondedAt: Date | string | null;
  resolutionDueAt: Date | string | null;
  resolvedAt: Date | string | null;
  tags: string;
}

/** Whether answers carry the SLA clocks (the desk keeps SLA), judged at `now`. */
export interface SlaView {
  enabled: boolean;
  now: Date;
}

export interface DetailRow extends SummaryRow {
  description: string;
  ratingStars: number | null;
  ratingFeedback: string | null;
}

export const SUMMARY_COLUMNS = [
  't.id AS id',
  't.subject AS subject',
  't.status AS status',
  't.priority AS priority',
  't.owner_id AS "ownerId"',
  'owner.name AS "ownerName"',
  't.assignee_id AS "assigneeId"',
  'assignee.name AS "assigneeName"',
  't.created_at AS "createdAt"',
  't.updated_at AS "updatedAt"',
  't.first_response_due_at AS "firstResponseDueAt"',
  't.first_responded_at AS "firstRespondedAt"',
  't.resolution_due_at AS "resolutionDueAt"',
  't.resolved_at AS "resolvedAt"',
  't.tags AS tags',
];

/** An unmet SLA target due within this long is "due soon". */
export const DUE_SOON_MS = 60 * 60 * 1000;

export const SORT_ORDER: Record<TicketSort, [string, 'ASC' | 'DESC'][]> = {
  [TicketSort.UpdatedNewest]: [
    ['t.updated_at', 'DESC'],
    ['t.id', 'DESC'],
  ],
  [TicketSort.UpdatedOldest]: [
    ['t.updated_at', 'ASC'],
    ['t.id', 'ASC'],
  ],
  [TicketSort.CreatedNewest]: [
    ['t.created_at', 'DESC'],
    ['t.id', 'DESC'],
  ],
  [TicketSort.Priority]: [
    ['t.priority_rank', 'DESC'],
    ['t.updated_at', 'DESC'],
    ['t.id', 'DESC'],
  ],
  [TicketSort.PriorityLowest]: [
    ['t.priority_rank', 'ASC'],
    ['t.updated_at', 'ASC'],
    ['t.id', 'ASC'],
  ],
  [TicketSort.CreatedOldest]: [
    ['t.created_at', 'ASC'],
    ['t.id', 'ASC'],
  ],
  [TicketSort.Due]: [
    ['CASE WHEN t.next_due_at IS NULL THEN 1 ELSE 0 END', 'ASC'],
    ['t.next_due_at', 'ASC'],
    ['t.id', 'ASC'],
  ],
};

/** The index that yields each sort's order, walked when a search matches many tickets. */
export const SORT_INDEX: Record<TicketSort, string | null> = {
  [TicketSort.UpdatedNewest]: 'tickets_updated',
  [TicketSort.UpdatedOldest]: 'tickets_updated',
  [TicketSort.CreatedNewest]: 'tickets_created',
  [TicketSort.Priority]: 'tickets_priority_updated',
  [TicketSort.PriorityLowest]: 'tickets_priority_updated',
  [TicketSort.CreatedOldest]: 'tickets_created',
  [TicketSort.Due]: null,
};

/** The sorts the SQLite search index yields by itself (its rowid follows `updatedAt`). */
export const RECENCY_ORDER: Partial<Record<TicketSort, 'ASC' | 'DESC'>> = {
  [TicketSort.UpdatedNewest]: 'DESC',
  [TicketSort.UpdatedOldest]: 'ASC',
};

export function pageTotal(
  matches: number,
  capped: boolean,
): Pick<TicketPage, 'total' | 'totalCapped'> {
  const totalCapped = capped && matches > SEARCH_TOTAL_CAP;
  return { total: totalCapped ? SEARCH_TOTAL_CAP : matches, totalCapped };
}

export function pageOf(query: TicketListQueryDto): Pick<TicketPage, 'page' | 'pageSize'> {
  return { page: query.page, pageSize: query.pageSize };
}

export function toSummary(row: SummaryRow, sla: SlaView): TicketSummary {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    owner: { id: row.ownerId, name: row.ownerName },
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? '' },
    sla: sla.enabled ? slaView(slaClocks(row), sla.now) : null,
    tags: JSON.parse(row.tags) as string[],
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}

function slaClocks(row: SummaryRow) {
  const at = (value: Date | string | null) =>
    value === null ? null : new Date(toIsoTimestamp(value));
  return {
    firstResponseDueAt: at(row.firstResponseDueAt),
    firstRespondedAt: at(row.firstRespondedAt),
    resolutionDueAt: at(row.resolutionDueAt),
    resolvedAt: at(row.resolvedAt),
  };
}
