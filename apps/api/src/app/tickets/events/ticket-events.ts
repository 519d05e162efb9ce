import type { TicketStatus } from '@helpdesk/shared/domain';
import type { EntityManager } from 'typeorm';

/** Event names; listeners run inside the transaction of the change (`emitAsync`). */
export const TicketEvent = {
  Created: 'ticket.created',
  Assigned: 'ticket.assigned',
  StatusChanged: 'ticket.status_changed',
  CommentAdded: 'ticket.comment_added',
  /** Emitted after the transaction commits, for live updates; carries only the id. */
  Changed: 'ticket.changed',
} as const;

export interface TicketChangedEvent {
  ticketId: number;
}

export interface TicketRef {
  id: number;
  subject: string;
  ownerId: number;
  assigneeId: number | null;
}

interface TicketEventBase {
  /** The transaction of the change: what a listener writes commits or fails with it. */
  manager: EntityManager;
  ticket: TicketRef;
  actorId: number;
  actorName: string;
}

export type TicketCreatedEvent = TicketEventBase;

export interface TicketAssignedEvent extends TicketEventBase {
  assigneeId: number;
}

export interface TicketStatusChangedEvent extends TicketEventBase {
  from: TicketStatus;
  to: TicketStatus;
}

export interface CommentAddedEvent extends TicketEventBase {
  body: string;
}
