export const Role = {
  User: 'user',
  Agent: 'agent',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const TicketStatus = {
  Open: 'open',
  InProgress: 'in_progress',
  Resolved: 'resolved',
  Closed: 'closed',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];
export const TICKET_STATUSES: readonly TicketStatus[] = Object.values(TicketStatus);

export const Priority = {
  Low: 'low',
  Medium: 'medium',
  High: 'high',
  Urgent: 'urgent',
} as const;
export type Priority = (typeof Priority)[keyof typeof Priority];
/** Ordered from least to most pressing; the index is the priority's rank. */
export const PRIORITIES: readonly Priority[] = Object.values(Priority);

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

export const TicketSort = {
  UpdatedNewest: 'updatedAt',
  UpdatedOldest: '-updatedAt',
  CreatedNewest: 'createdAt',
  Priority: 'priority',
  PriorityLowest: '-priority',
  CreatedOldest: '-createdAt',
  /** Soonest unmet SLA target first; tickets without one last. */
  Due: 'due',
} as const;
export type TicketSort = (typeof TicketSort)[keyof typeof TicketSort];
export const TICKET_SORTS: readonly TicketSort[] = Object.values(TicketSort);

/** `due_soon`: an unmet SLA target due within the hour; `breached`: one already missed. */
export const SlaFilter = {
  DueSoon: 'due_soon',
  Breached: 'breached',
} as const;
export type SlaFilter = (typeof SlaFilter)[keyof typeof SlaFilter];
export const SLA_FILTERS: readonly SlaFilter[] = Object.values(SlaFilter);

export const HistoryAction = {
  Created: 'created',
  StatusChanged: 'status_changed',
  PriorityChanged: 'priority_changed',
  Assigned: 'assigned',
  Commented: 'commented',
  AttachmentAdded: 'attachment_added',
  Rated: 'rated',
  Edited: 'edited',
  TagsChanged: 'tags_changed',
} as const;
export type HistoryAction = (typeof HistoryAction)[keyof typeof HistoryAction];
export const HISTORY_ACTIONS: readonly HistoryAction[] = Object.values(HistoryAction);
