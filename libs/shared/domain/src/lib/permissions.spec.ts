import { Role, TicketStatus, TICKET_STATUSES } from './enums';
import {
  type Actor,
  type TicketAccess,
  allowedStatusMoves,
  canApplyTicketChange,
  canAssign,
  canAssignOnCreate,
  canChangePriority,
  canChangeStatus,
  canComment,
  canEditContent,
  canListAgents,
  canManageUsers,
  canRate,
  canUploadAttachment,
  canViewTicket,
  canSeeInternalNotes,
  canTake,
  canWriteInternalNote,
  isRatable,
  NO_POOL,
  ticketScope,
} from './permissions';

const owner: Actor = { id: 1, role: Role.User };
const otherUser: Actor = { id: 2, role: Role.User };
const assignedAgent: Actor = { id: 10, role: Role.Agent };
const otherAgent: Actor = { id: 11, role: Role.Agent };
const admin: Actor = { id: 100, role: Role.Admin };

function ticket(status: TicketStatus, assigneeId: number | null = assignedAgent.id): TicketAccess {
  return { ownerId: owner.id, assigneeId, status };
}

describe('ticket visibility', () => {
  it('a user sees only the tickets they own', () => {
    expect(canViewTicket(owner, ticket('open'), NO_POOL)).toBe(true);
    expect(canViewTicket(otherUser, ticket('open'), NO_POOL)).toBe(false);
    expect(ticketScope(owner, NO_POOL)).toEqual({ kind: 'owner', userId: owner.id });
  });

  it('an agent sees only the tickets assigned to them', () => {
    expect(canViewTicket(assignedAgent, ticket('open'), NO_POOL)).toBe(true);
    expect(canViewTicket(otherAgent, ticket('open'), NO_POOL)).toBe(false);
    expect(canViewTicket(assignedAgent, ticket('open', null), NO_POOL)).toBe(false);
    expect(ticketScope(assignedAgent, NO_POOL)).toEqual({
      kind: 'assignee',
      userId: assignedAgent.id,
      withUnassigned: false,
    });
  });

  it('an agent who opened a ticket does not see it unless it is assigned to them', () => {
    const ownTicket: TicketAccess = { ownerId: otherAgent.id, assigneeId: null, status: 'open' };
    expect(canViewTicket(otherAgent, ownTicket, NO_POOL)).toBe(false);
  });

  it('with the pool on, an agent also sees unassigned tickets, and must take one to work it', () => {
    const pool = { agentsSeeUnassigned: true };
    const unassigned = ticket('open', null);
    expect(canViewTicket(otherAgent, unassigned, pool)).toBe(true);
    expect(canViewTicket(otherAgent, ticket('open'), pool)).toBe(false);
    expect(canViewTicket(otherUser, unassigned, pool)).toBe(false);
    expect(ticketScope(otherAgent, pool)).toEqual({
      kind: 'assignee',
      userId: otherAgent.id,
      withUnassigned: true,
    });
    expect(canTake(otherAgent, unassigned)).toBe(true);
    expect(canTake(otherAgent, ticket('open'))).toBe(false);
    expect(canTake(admin, unassigned)).toBe(false);
    expect(canComment(otherAgent, unassigned)).toBe(false);
    expect(canUploadAttachment(otherAgent, unassigned)).toBe(false);
    expect(canChangeStatus(otherAgent, unassigned, 'in_progress')).toBe(false);
    expect(canWriteInternalNote(otherAgent, unassigned)).toBe(false);
  });

  it('internal notes are for agents and admins who work the ticket; owners never see them', () => {
    expect(canWriteInternalNote(assignedAgent, ticket('open'))).toBe(true);
    expect(canWriteInternalNote(admin, ticket('open'))).toBe(true);
    expect(canWriteInternalNote(owner, ticket('open'))).toBe(false);
    expect(canSeeInternalNotes(assignedAgent)).toBe(true);
    expect(canSeeInternalNotes(admin)).toBe(true);
    expect(canSeeInternalNotes(owner)).toBe(false);
  });

  it('an admin sees every ticket', () => {
    expect(canViewTicket(admin, ticket('closed', null), NO_POOL)).toBe(true);
    expect(ticketScope(admin, NO_POOL)).toEqual({ kind: 'all' });
  });

  it('commenting and uploading follow visibility', () => {
    for (const actor of [owner, assignedAgent, admin]) {
      expect(canComment(actor, ticket('closed'))).toBe(true);
      expect(canUploadAttachment(actor, ticket('open'))).toBe(true);
    }
    for (const actor of [otherUser, otherAgent]) {
      expect(canComment(actor, ticket('open'))).toBe(false);
      expect(canUploadAttachment(actor, ticket('open'))).toBe(false);
    }
  });
});

describe('status moves', () => {
  const ownerMoves: Record<TicketStatus, TicketStatus[]> = {
    open: ['resolved', 'closed'],
    in_progress: ['resolved', 'closed'],
    resolved: ['open', 'closed'],
    closed: [],
  };

  it.each(TICKET_STATUSES)('the owner moves a %s ticket only as the table allows', (from) => {
    expect(allowedStatusMoves(owner, ticket(from))).toEqual(ownerMoves[from]);
  });

  it('the owner cannot put a ticket in progress', () => {
    expect(canChangeStatus(owner, ticket('open'), 'in_progress')).toBe(false);
  });

  it.each(TICKET_STATUSES.filter((s) => s !== 'closed'))(
    'the assigned agent moves a %s ticket anywhere else',
    (from) => {
      expect(allowedStatusMoves(assignedAgent, ticket(from))).toEqual(
        TICKET_STATUSES.filter((to) => to !== from),
      );
    },
  );

  it('the assigned agent cannot move a ticket out of closed', () => {
    expect(allowedStatusMoves(assignedAgent, ticket('closed'))).toEqual([]);
  });

  it('an agent not assigned, or another user, moves nothing', () => {
    for (const from of TICKET_STATUSES) {
      expect(allowedStatusMoves(otherAgent, ticket(from))).toEqual([]);
      expect(allowedStatusMoves(otherUser, ticket(from))).toEqual([]);
    }
  });

  it.each(TICKET_STATUSES)('an admin overrides a %s ticket to any other status', (from) => {
    expect(allowedStatusMoves(admin, ticket(from))).toEqual(
      TICKET_STATUSES.filter((to) => to !== from),
    );
  });
});

describe('priority, content and assignment', () => {
  it('priority: the assigned agent and admins, never the owner', () => {
    expect(canChangePriority(assignedAgent, ticket('open'))).toBe(true);
    expect(canChangePriority(admin, ticket('closed'))).toBe(true);
    expect(canChangePriority(owner, ticket('open'))).toBe(false);
    expect(canChangePriority(otherAgent, ticket('open'))).toBe(false);
  });

  it('subject and description: the owner while open, admins always, agents never', () => {
    expect(canEditContent(owner, ticket('open'))).toBe(true);
    for (const status of ['in_progress', 'resolved', 'closed'] as const) {
      expect(canEditContent(owner, ticket(status))).toBe(false);
    }
    expect(canEditContent(admin, ticket('closed'))).toBe(true);
    expect(canEditContent(assignedAgent, ticket('open'))).toBe(false);
    expect(canEditContent(otherUser, ticket('open'))).toBe(false);
  });

  it('assign: admins any ticket, the assigned agent their own, nobody else', () => {
    expect(canAssign(admin, ticket('open', null))).toBe(true);
    expect(canAssign(assignedAgent, ticket('in_progress'))).toBe(true);
    expect(canAssign(otherAgent, ticket('in_progress'))).toBe(false);
    expect(canAssign(owner, ticket('open'))).toBe(false);
  });

  it('only an admin sets an assignee when creating a ticket', () => {
    expect(canAssignOnCreate(admin)).toBe(true);
    expect(canAssignOnCreate(assignedAgent)).toBe(false);
    expect(canAssignOnCreate(owner)).toBe(false);
  });

  it('a PATCH is allowed only when every changed field is', () => {
    expect(canApplyTicketChange(owner, ticket('open'), { subject: 'x', status: 'closed' })).toBe(
      true,
    );
    expect(canApplyTicketChange(owner, ticket('open'), { subject: 'x', priority: 'high' })).toBe(
      false,
    );
    expect(canApplyTicketChange(assignedAgent, ticket('open'), { priority: 'high' })).toBe(true);
    expect(canApplyTicketChange(assignedAgent, ticket('open'), { description: 'y' })).toBe(false);
    expect(canApplyTicketChange(owner, ticket('resolved'), {})).toBe(true);
  });
});

describe('rating and administration', () => {
  it('only the owner rates, and only a resolved or closed ticket', () => {
    expect(canRate(owner, ticket('resolved'))).toBe(true);
    expect(canRate(assignedAgent, ticket('resolved'))).toBe(false);
    expect(canRate(admin, ticket('resolved'))).toBe(false);
    expect(TICKET_STATUSES.filter(isRatable)).toEqual(['resolved', 'closed']);
  });

  it('only admins manage users; agents and admins list agents', () => {
    expect([owner, assignedAgent, admin].map(canManageUsers)).toEqual([false, false, true]);
    expect([owner, assignedAgent, admin].map(canListAgents)).toEqual([false, true, true]);
  });
});
