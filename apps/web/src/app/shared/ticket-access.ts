import type { TicketAccess, TicketSummary } from '@helpdesk/shared/domain';

/** The parts of a ticket the permission rules look at. */
export function ticketAccess(
  ticket: Pick<TicketSummary, 'owner' | 'assignee' | 'status'>,
): TicketAccess {
  return {
    ownerId: ticket.owner.id,
    assigneeId: ticket.assignee?.id ?? null,
    status: ticket.status,
  };
}
