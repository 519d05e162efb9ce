import type { HistoryAction } from '@helpdesk/shared/domain';
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
}

/** The ticket as it is after the change. */
export interface TicketRef {
  id: number;
  subject: string;
  ownerId: number;
  assigneeId: number | null;
}

/** Who did it. */
export interface ActivityActor {
  id: number;
  name: string;
}

/** One line of the ticket's history; `from`/`to` are given in full and clipped when stored. */
export interface ActivityEntry {
  action: HistoryAction;
  from?: string | null;
  to?: string | null;
}

export interface TicketActivityEvent {
  /** The transaction of the change: what a listener writes commits or fails with it. */
  manager: EntityManager;
  ticket: TicketRef;
  actor: ActivityActor;
  entries: readonly ActivityEntry[];
  at: Date;
}
