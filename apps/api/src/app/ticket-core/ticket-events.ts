import type { HistoryAction, SessionUser } from '@helpdesk/shared/domain';
import type { EntityManager } from 'typeorm';

/** Event names. */
export const TicketEvent = {
  /** Something happened to a ticket; listeners run inside its transaction (`emitAsync`). */
  Activity: 'ticket.activity',
  /** After the transaction has committed, for live updates; carries only the id. */
  Changed: 'ticket.changed',
} as const;

export interface TicketChangedEvent {
  ticketId: number;
  /** Only an internal note changed: the owner must not hear of it. */
  staffOnly: boolean;
}

/** The ticket as it is after the change. */
export interface TicketRef {
  id: number;
  subject: string;
  ownerId: number;
  assigneeId: number | null;
}

/** Who did it; `null` is the desk itself (automatic actions). */
export type ActivityActor = Pick<SessionUser, 'id' | 'name' | 'role'>;

/** One line of the ticket's history; `from`/`to` are given in full and clipped when stored. */
export interface ActivityEntry {
  action: HistoryAction;
  from?: string | null;
  to?: string | null;
  /** Part of an internal note: agents and admins only. */
  internal?: boolean;
  /** Done by someone other than the activity's actor; `null`: the desk itself. */
  actor?: ActivityActor | null;
}

export interface TicketActivityEvent {
  /** The transaction of the change: what a listener writes commits or fails with it. */
  manager: EntityManager;
  ticket: TicketRef;
  actor: ActivityActor | null;
  entries: readonly ActivityEntry[];
  at: Date;
}
