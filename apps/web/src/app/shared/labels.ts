import type {
  HistoryAction,
  Priority,
  Role,
  SlaFilter,
  TicketSort,
  TicketStatus,
} from '@helpdesk/shared/domain';

export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  user: 'User',
  agent: 'Agent',
  admin: 'Admin',
};

export const SORT_LABELS: Readonly<Record<TicketSort, string>> = {
  updatedAt: 'Recently updated',
  '-updatedAt': 'Least recently updated',
  createdAt: 'Newest first',
  '-createdAt': 'Oldest first',
  priority: 'Priority',
  '-priority': 'Lowest priority first',
  due: 'Due',
};

export const SLA_FILTER_LABELS: Readonly<Record<SlaFilter, string>> = {
  due_soon: 'Due soon',
  breached: 'Breached',
};

export const HISTORY_LABELS: Readonly<Record<HistoryAction, string>> = {
  created: 'opened the ticket',
  status_changed: 'changed the status',
  priority_changed: 'changed the priority',
  assigned: 'assigned the ticket',
  commented: 'commented',
  attachment_added: 'attached a file',
  rated: 'rated the ticket (stars)',
  edited: 'edited the ticket',
  tags_changed: 'changed the tags',
};
