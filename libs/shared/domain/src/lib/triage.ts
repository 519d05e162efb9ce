import { type Priority, Role, TicketStatus } from './enums';
import { type Actor, type DeskAccess, isStaff } from './permissions';

/** A saved list: `query` is the list's query string (`status=open&tag=vpn`). */
export interface SavedView {
  /** A number for a person's own view; a name such as `my-open` for a built-in one. */
  id: number | string;
  name: string;
  query: string;
  builtIn: boolean;
  /** Matching tickets within the caller's sight, up to `SEARCH_TOTAL_CAP`. */
  count: number;
  /** True when more tickets match than the cap: `count` is the cap. */
  countCapped: boolean;
}

export interface CreateViewRequest {
  name: string;
  query: string;
}

export const VIEW_NAME_MAX_LENGTH = 60;
export const VIEW_QUERY_MAX_LENGTH = 1000;
export const BULK_MAX_TICKETS = 100;

export interface BulkChanges {
  status?: TicketStatus;
  priority?: Priority;
  assigneeId?: number;
  addTags?: string[];
  removeTags?: string[];
}

export interface BulkChangeRequest {
  ids: number[];
  changes: BulkChanges;
}

export type BulkResult =
  { id: number; ok: true } | { id: number; ok: false; statusCode: number; message: string };

export interface BulkChangeResponse {
  results: BulkResult[];
}

export type QueryParams = Record<string, string | string[]>;

/**
 * A list's query string as the API reads one (`a=1&a=2` gives `['1', '2']`); a leading `?`
 * is allowed. Which keys and values are valid is the list's own validation.
 */
export function parseViewQuery(query: string): QueryParams {
  const params: QueryParams = {};
  for (const [key, value] of new URLSearchParams(query.replace(/^\?/, ''))) {
    const previous = params[key];
    if (previous === undefined) params[key] = value;
    else params[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return params;
}

/** Bulk changes from the lists: agents and admins (each ticket still judged on its own). */
export function canBulkChange(actor: Actor): boolean {
  return isStaff(actor);
}

export interface BuiltInView {
  id: string;
  name: string;
  query: string;
}

const WORKING = `status=${TicketStatus.Open}&status=${TicketStatus.InProgress}`;

/** The views every agent or admin has without saving them; closed work stays out. */
export function builtInViews(actor: Actor, desk: DeskAccess): BuiltInView[] {
  const unassigned = { id: 'unassigned', name: 'Unassigned', query: `assigneeId=none&${WORKING}` };
  const dueSoon = { id: 'due-soon', name: 'Due soon', query: 'sla=due_soon' };
  switch (actor.role) {
    case Role.Agent:
      return [
        { id: 'my-open', name: 'My open', query: `assigneeId=${actor.id}&${WORKING}` },
        ...(desk.agentsSeeUnassigned ? [unassigned] : []),
        dueSoon,
      ];
    case Role.Admin:
      return [unassigned, dueSoon, { id: 'all-open', name: 'All open', query: WORKING }];
    case Role.User:
      return [];
  }
}
