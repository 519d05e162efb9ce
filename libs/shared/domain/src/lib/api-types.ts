import type { HistoryAction, Priority, Role, SlaFilter, TicketSort, TicketStatus } from './enums';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface PersonRef {
  id: number;
  name: string;
}

export interface AuthorRef extends PersonRef {
  role: Role;
}

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: SessionUser;
}

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

export interface UserListQuery extends PageQuery {
  q?: string;
  role?: Role;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  password?: string;
  active?: boolean;
}

export interface Rating {
  stars: number;
  feedback: string | null;
}

/** The ticket's promises, while the desk keeps SLA (`sla.enabled`). */
export interface TicketSla {
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  resolutionDueAt: string;
  resolvedAt: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
}

export interface Ticket {
  id: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: Priority;
  owner: PersonRef;
  assignee: PersonRef | null;
  rating: Rating | null;
  /** `null` while the desk keeps no SLA. */
  sla: TicketSla | null;
  /** Lower case, sorted; at most `TAGS_MAX`. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A row of a ticket list: the ticket without its description. */
export type TicketSummary = Omit<Ticket, 'description' | 'rating'>;

export interface TicketPage extends Page<TicketSummary> {
  /** True when a search matched more than `SEARCH_TOTAL_CAP` tickets: `total` is that cap. */
  totalCapped: boolean;
}

export interface TicketListQuery extends PageQuery {
  q?: string;
  status?: TicketStatus[];
  priority?: Priority[];
  /** An agent's id, or `none` for unassigned tickets. */
  assigneeId?: number | 'none';
  sort?: TicketSort;
  sla?: SlaFilter;
  /** Tickets carrying every one of these tags. */
  tag?: string[];
}

export interface TicketCounts {
  byStatus: Record<TicketStatus, number>;
  byPriority: Record<Priority, number>;
}

export interface DailyTicketActivity {
  day: string;
  opened: number;
  resolved: number;
}

export interface CreateTicketRequest {
  subject: string;
  description: string;
  priority?: Priority;
  assigneeId?: number;
  /** Agents and admins open a ticket for this person (found, or created without a password). */
  requesterEmail?: string;
  requesterName?: string;
}

export interface UpdateTicketRequest {
  status?: TicketStatus;
  priority?: Priority;
  subject?: string;
  description?: string;
  tags?: string[];
}

export interface AssignTicketRequest {
  assigneeId: number;
}

export interface RateTicketRequest {
  stars: number;
  feedback?: string;
}

export interface Comment {
  id: number;
  body: string;
  /** An internal note: agents and admins only. */
  internal: boolean;
  author: AuthorRef;
  createdAt: string;
}

export interface CreateCommentRequest {
  body: string;
  internal?: boolean;
}

export interface HistoryEntry {
  id: number;
  action: HistoryAction;
  from: string | null;
  to: string | null;
  /** Part of an internal note: only agents and admins see such entries. */
  internal: boolean;
  /** `null`: the desk itself (automatic assignment, a reopen after a low rating). */
  actor: PersonRef | null;
  at: string;
}

export interface Attachment {
  id: number;
  filename: string;
  size: number;
  contentType: string;
  uploadedBy: PersonRef;
  createdAt: string;
}

export interface Agent {
  id: number;
  name: string;
  /** Away agents are skipped by automatic assignment. */
  available: boolean;
  /** Tickets assigned to them that are open or in progress. */
  openCount: number;
}

export interface CannedReply {
  id: number;
  title: string;
  body: string;
  createdBy: PersonRef;
  updatedAt: string;
}

export interface CannedReplyListQuery {
  /** Part of the title or body, any letter case. */
  q?: string;
}

export interface CreateCannedReplyRequest {
  title: string;
  body: string;
}

export type UpdateCannedReplyRequest = Partial<CreateCannedReplyRequest>;

/** The signed-in person as `PATCH /api/auth/me` answers: `available` for agents only. */
export interface AccountUser extends SessionUser {
  available?: boolean;
}

export interface UpdateAccountRequest {
  name?: string;
  /** Agents only. */
  available?: boolean;
  /** Needed with `password`. */
  currentPassword?: string;
  password?: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface DurationFigures {
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Share of the measured tickets that met their target, 0–100. */
  metPercent: number | null;
}

export interface ReportQuery {
  from: string;
  to: string;
  tz?: string;
}

export interface DeskReport {
  created: number;
  resolved: number;
  backlog: { open: number; inProgress: number };
  firstResponse: DurationFigures;
  resolution: DurationFigures;
  csat: {
    average: number | null;
    count: number;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
    satisfiedPercent: number | null;
  };
  perAgent: {
    agent: PersonRef;
    assigned: number;
    resolved: number;
    medianFirstResponseMinutes: number | null;
    csatAverage: number | null;
  }[];
  daily: { date: string; created: number; resolved: number; backlog: number }[];
}
