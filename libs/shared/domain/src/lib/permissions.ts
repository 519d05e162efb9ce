import { Role, TicketStatus, type Priority } from './enums';

/** Who is acting: enough of the signed-in person to decide what they may do. */
export interface Actor {
  id: number;
  role: Role;
}

/** The parts of a ticket that decide who may do what with it. */
export interface TicketAccess {
  ownerId: number;
  assigneeId: number | null;
  status: TicketStatus;
}

/** What the desk's settings decide about who sees what (`assignment.agentsSeeUnassigned`). */
export interface DeskAccess {
  agentsSeeUnassigned: boolean;
}

export const NO_POOL: DeskAccess = { agentsSeeUnassigned: false };

export type TicketScope =
  | { kind: 'owner'; userId: number }
  | { kind: 'assignee'; userId: number; withUnassigned: boolean }
  | { kind: 'all' };

/** Which tickets a person's lists and searches cover. */
export function ticketScope(actor: Actor, desk: DeskAccess): TicketScope {
  switch (actor.role) {
    case Role.Admin:
      return { kind: 'all' };
    case Role.Agent:
      return { kind: 'assignee', userId: actor.id, withUnassigned: desk.agentsSeeUnassigned };
    case Role.User:
      return { kind: 'owner', userId: actor.id };
  }
}

/**
 * Whether a scope covers a ticket: the one definition of who sees what. The API's SQL
 * (`scopedTickets`) and search index tokens (`scopeTokenGroups`) are its twins, held to it by
 * the visibility e2e test on both engines.
 */
export function scopeCovers(scope: TicketScope, ticket: TicketAccess): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'assignee':
      return (
        ticket.assigneeId === scope.userId || (scope.withUnassigned && ticket.assigneeId === null)
      );
    case 'owner':
      return ticket.ownerId === scope.userId;
  }
}

export function canViewTicket(actor: Actor, ticket: TicketAccess, desk: DeskAccess): boolean {
  return scopeCovers(ticketScope(actor, desk), ticket);
}

/**
 * Those who work a ticket or wait on it: an admin, its assigned agent, its owner. An agent
 * who sees a ticket only in the pool takes it before doing anything else with it.
 */
export function takesPart(actor: Actor, ticket: TicketAccess): boolean {
  return canViewTicket(actor, ticket, NO_POOL);
}

export function isOwner(actor: Actor, ticket: TicketAccess): boolean {
  return ticket.ownerId === actor.id;
}

export function isAssignedAgent(actor: Actor, ticket: TicketAccess): boolean {
  return actor.role === Role.Agent && ticket.assigneeId === actor.id;
}

/** An agent takes an unassigned ticket from the pool (seeing it needs the pool on). */
export function canTake(actor: Actor, ticket: TicketAccess): boolean {
  return actor.role === Role.Agent && ticket.assigneeId === null;
}

/** Agents and admins: they work tickets and talk among themselves in internal notes. */
export function isStaff(actor: Actor): boolean {
  return actor.role === Role.Agent || actor.role === Role.Admin;
}

export function canWriteInternalNote(actor: Actor, ticket: TicketAccess): boolean {
  return isStaff(actor) && takesPart(actor, ticket);
}

/** Owners never learn of internal notes: not in comments, history, search, e-mail or live. */
export function canSeeInternalNotes(actor: Actor): boolean {
  return isStaff(actor);
}

/** Agents and admins open tickets for someone else (a caller on the phone). */
export function canCreateOnBehalf(actor: Actor): boolean {
  return isStaff(actor);
}

export function canReadDeskSettings(actor: Actor): boolean {
  return isStaff(actor);
}

export function canChangeDeskSettings(actor: Actor): boolean {
  return actor.role === Role.Admin;
}

const OWNER_STATUS_MOVES: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  [TicketStatus.Open]: [TicketStatus.Resolved, TicketStatus.Closed],
  [TicketStatus.InProgress]: [TicketStatus.Resolved, TicketStatus.Closed],
  [TicketStatus.Resolved]: [TicketStatus.Open, TicketStatus.Closed],
  [TicketStatus.Closed]: [],
};

export function canChangeStatus(actor: Actor, ticket: TicketAccess, to: TicketStatus): boolean {
  if (!takesPart(actor, ticket) || to === ticket.status) return false;
  if (actor.role === Role.Admin) return true;
  if (isAssignedAgent(actor, ticket)) return ticket.status !== TicketStatus.Closed;
  if (isOwner(actor, ticket)) return OWNER_STATUS_MOVES[ticket.status].includes(to);
  return false;
}

/** The statuses the actor may move the ticket to right now. */
export function allowedStatusMoves(actor: Actor, ticket: TicketAccess): TicketStatus[] {
  return Object.values(TicketStatus).filter((to) => canChangeStatus(actor, ticket, to));
}

export function canChangePriority(actor: Actor, ticket: TicketAccess): boolean {
  return actor.role === Role.Admin || isAssignedAgent(actor, ticket);
}

/** Tags: the assigned agent or an admin, as for priority. */
export function canChangeTags(actor: Actor, ticket: TicketAccess): boolean {
  return actor.role === Role.Admin || isAssignedAgent(actor, ticket);
}

/** Subject and description: the owner while the ticket is open, or an admin. */
export function canEditContent(actor: Actor, ticket: TicketAccess): boolean {
  if (actor.role === Role.Admin) return true;
  return takesPart(actor, ticket) && isOwner(actor, ticket) && ticket.status === TicketStatus.Open;
}

/** Admins reassign any ticket; the assigned agent may hand theirs on. */
export function canAssign(actor: Actor, ticket: TicketAccess): boolean {
  return actor.role === Role.Admin || isAssignedAgent(actor, ticket);
}

export function canComment(actor: Actor, ticket: TicketAccess): boolean {
  return takesPart(actor, ticket);
}

export function canUploadAttachment(actor: Actor, ticket: TicketAccess): boolean {
  return takesPart(actor, ticket);
}

/** Only the owner rates; {@link isRatable} says whether the ticket is ready for it. */
export function canRate(actor: Actor, ticket: TicketAccess): boolean {
  return takesPart(actor, ticket) && isOwner(actor, ticket);
}

/** 1 or 2 stars: the assignee and the admins hear of it (and the desk may reopen). */
export function isLowRating(stars: number): boolean {
  return stars <= 2;
}

export function isRatable(status: TicketStatus): boolean {
  return status === TicketStatus.Resolved || status === TicketStatus.Closed;
}

/** Only an admin sets the assignee when opening a ticket. */
export function canAssignOnCreate(actor: Actor): boolean {
  return actor.role === Role.Admin;
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === Role.Admin;
}

export function canListAgents(actor: Actor): boolean {
  return actor.role === Role.Agent || actor.role === Role.Admin;
}

export interface TicketChange {
  status?: TicketStatus;
  priority?: Priority;
  subject?: string;
  description?: string;
}

/**
 * Whether the actor may make every change of a PATCH. `change` holds only the fields whose
 * value differs from the ticket's; a field sent with its current value changes nothing.
 */
export function canApplyTicketChange(
  actor: Actor,
  ticket: TicketAccess,
  change: TicketChange,
): boolean {
  if (change.status !== undefined && !canChangeStatus(actor, ticket, change.status)) return false;
  if (change.priority !== undefined && !canChangePriority(actor, ticket)) return false;
  const editsContent = change.subject !== undefined || change.description !== undefined;
  return !editsContent || canEditContent(actor, ticket);
}

/** Reports (response times, satisfaction, per agent) and their CSV are for admins. */
export function canViewReports(actor: Actor): boolean {
  return actor.role === Role.Admin;
}

/** The desk-wide dashboard (activity per day) is for admins. */
export function canViewDeskActivity(actor: Actor): boolean {
  return actor.role === Role.Admin;
}
