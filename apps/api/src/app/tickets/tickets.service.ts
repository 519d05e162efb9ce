import {
  type Actor,
  type SessionUser,
  canApplyTicketChange,
  canAssign,
  canChangeTags,
  canSeeInternalNotes,
  editTags,
  normalizeTags,
  tagsText,
  canAssignOnCreate,
  canCreateOnBehalf,
  canRate,
  canTake,
  HistoryAction,
  AssignmentMode,
  Role,
  isLowRating,
  isRatable,
  Priority,
  priorityRank,
  type Ticket,
  type TicketChange,
  TicketStatus,
  ticketScope,
  NO_POOL,
} from '@helpdesk/shared/domain';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Transactions } from '../../database/transactions';
import { openingClocks } from '../sla/sla-clocks';
import { TICKET_NOT_FOUND, TicketAccessService } from '../ticket-core/ticket-access.service';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { TicketCoreRepository, toAccess } from '../ticket-core/ticket-core.repository';
import type { ActivityEntry } from '../ticket-core/ticket-events';
import type { TicketEntity } from '../ticket-core/ticket.entity';
import { SettingsService } from '../settings/settings.service';
import { UsersRepository } from '../users/users.repository';
import type {
  CreateTicketDto,
  RateTicketDto,
  TicketListQueryDto,
  UpdateTicketDto,
} from './dto/ticket-requests.dto';
import { TicketStatsRepository } from './ticket-stats.repository';
import { type SlaView, TicketsRepository } from './tickets.repository';

const NOT_ALLOWED = 'You are not allowed to make this change';
const NOT_AN_ACTIVE_AGENT = 'assigneeId must be an active agent';
/** How many tags the autocomplete offers. */
const TAG_SUGGESTIONS = 20;

/** A bulk change to tags: these added, then those removed. */
export interface TagEdit {
  add?: string[];
  remove?: string[];
}

/** The history action each field of a PATCH records. */
const FIELD_ACTIONS: Record<keyof TicketChange, HistoryAction> = {
  status: HistoryAction.StatusChanged,
  priority: HistoryAction.PriorityChanged,
  subject: HistoryAction.Edited,
  description: HistoryAction.Edited,
};
const CHANGEABLE_FIELDS = Object.keys(FIELD_ACTIONS) as (keyof TicketChange)[];

@Injectable()
export class TicketsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tickets: TicketsRepository,
    private readonly ticketRows: TicketCoreRepository,
    private readonly stats: TicketStatsRepository,
    private readonly access: TicketAccessService,
    private readonly activity: TicketActivity,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: TicketListQueryDto) {
    const [scope, sla] = await Promise.all([this.access.scope(actor), this.slaView()]);
    return this.tickets.list(scope, query, sla, canSeeInternalNotes(actor));
  }

  /** How many tickets the list of `query` holds for the actor, up to the search cap. */
  async countCapped(actor: Actor, query: TicketListQueryDto) {
    const scope = await this.access.scope(actor);
    return this.tickets.countCapped(scope, query, canSeeInternalNotes(actor));
  }

  /** The desk's tags starting with `q` and how many tickets carry each (desk-wide). */
  tagCounts(q: string | undefined) {
    return this.tickets.tagCounts((q ?? '').trim().toLowerCase(), TAG_SUGGESTIONS);
  }

  /** The counts of the person's own work: an agent's queue, not the pool they may also see. */
  counts(actor: Actor) {
    return this.stats.counts(ticketScope(actor, NO_POOL));
  }

  deskActivity(days: number) {
    return this.stats.activity(days);
  }

  async get(actor: Actor, id: number): Promise<Ticket> {
    await this.access.findVisible(actor, id);
    return this.detail(id);
  }

  async create(actor: SessionUser, dto: CreateTicketDto): Promise<Ticket> {
    if (dto.assigneeId !== undefined && !canAssignOnCreate(actor)) {
      throw new ForbiddenException('Only an admin may choose the assignee');
    }
    if (dto.requesterEmail !== undefined && !canCreateOnBehalf(actor)) {
      throw new ForbiddenException('Only agents and admins open tickets for someone else');
    }
    if (dto.requesterName !== undefined && dto.requesterEmail === undefined) {
      throw new BadRequestException('requesterName goes with requesterEmail');
    }
    const id = await this.transactions.run((manager) => this.open(manager, actor, dto));
    return this.detail(id);
  }

  /**
   * Inserts a ticket checked by the caller, in the caller's transaction: owner, assignee (the
   * desk's turn in an automatic mode), SLA clocks and the activity. Mail-in opens tickets here.
   */
  async open(manager: EntityManager, actor: SessionUser, dto: CreateTicketDto): Promise<number> {
    const owner = await this.requester(manager, actor, dto);
    const { assignee, byDesk } = await this.assigneeOnCreate(manager, actor, dto);
    const now = new Date();
    const priority = dto.priority ?? Priority.Medium;
    const { sla } = await this.settings.get();
    const fields = {
      subject: dto.subject,
      description: dto.description,
      status: TicketStatus.Open,
      priority,
      priorityRank: priorityRank(priority),
      ownerId: owner.id,
      assigneeId: assignee?.id ?? null,
      ratingStars: null,
      ratingFeedback: null,
      tags: [],
      ...openingClocks(priority, now, sla),
      createdAt: now,
      updatedAt: now,
    };
    const id = await this.ticketRows.insert(manager, fields);
    const entries: ActivityEntry[] = [{ action: HistoryAction.Created, to: fields.status }];
    if (assignee) {
      entries.push({
        action: HistoryAction.Assigned,
        to: assignee.name,
        ...(byDesk && { actor: null }),
      });
    }
    await this.activity.opened(manager, {
      ticket: { id, ...fields },
      actor,
      entries,
      at: now,
    });
    return id;
  }

  /** An agent takes an unassigned ticket from the pool; of two at once, one wins. */
  async take(actor: SessionUser, id: number): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
      const ticket = await this.access.findTakeable(actor, id, manager);
      if (actor.role !== Role.Agent) throw new ForbiddenException('Only agents take tickets');
      if (!canTake(actor, toAccess(ticket))) {
        throw new ConflictException('This ticket is no longer unassigned');
      }
      await this.activity.changed(
        manager,
        {
          ticket: { ...ticket, assigneeId: actor.id },
          actor,
          entries: [{ action: HistoryAction.Assigned, from: null, to: actor.name }],
          at: new Date(),
        },
        { assigneeId: actor.id },
      );
    });
    return this.detail(id);
  }

  async update(actor: SessionUser, id: number, dto: UpdateTicketDto): Promise<Ticket> {
    await this.transactions.run((manager) => this.applyUpdate(manager, actor, id, dto));
    return this.detail(id);
  }

  /**
   * A PATCH inside the caller's transaction: also one ticket of a bulk change, which edits
   * tags by `tagEdit` (added, then removed) rather than naming the whole list.
   */
  async applyUpdate(
    manager: EntityManager,
    actor: SessionUser,
    id: number,
    dto: UpdateTicketDto,
    tagEdit?: TagEdit,
  ): Promise<void> {
    const ticket = await this.access.findVisible(actor, id, manager);
    const change = changedFields(ticket, dto);
    const tags = changedTags(ticket.tags, dto.tags, tagEdit);
    if (!canApplyTicketChange(actor, toAccess(ticket), change)) {
      throw new ForbiddenException(NOT_ALLOWED);
    }
    if (tags && !canChangeTags(actor, toAccess(ticket))) throw new ForbiddenException(NOT_ALLOWED);
    const fields = CHANGEABLE_FIELDS.filter((field) => field in change);
    if (fields.length === 0 && !tags) return;
    const entries: ActivityEntry[] = fields.map((field) => ({
      action: FIELD_ACTIONS[field],
      from: ticket[field],
      to: change[field],
    }));
    if (tags) {
      entries.push({
        action: HistoryAction.TagsChanged,
        from: tagsText(ticket.tags),
        to: tagsText(tags),
      });
    }
    await this.activity.changed(
      manager,
      { ticket: { ...ticket, ...change }, actor, entries, at: new Date() },
      {
        ...change,
        ...(change.priority && { priorityRank: priorityRank(change.priority) }),
        ...(tags && { tags }),
      },
    );
  }

  async assign(actor: SessionUser, id: number, assigneeId: number): Promise<Ticket> {
    await this.transactions.run((manager) => this.applyAssign(manager, actor, id, assigneeId));
    return this.detail(id);
  }

  /** An assignment inside the caller's transaction (also one ticket of a bulk change). */
  async applyAssign(
    manager: EntityManager,
    actor: SessionUser,
    id: number,
    assigneeId: number,
  ): Promise<void> {
    const ticket = await this.access.findVisible(actor, id, manager);
    if (!canAssign(actor, toAccess(ticket))) throw new ForbiddenException(NOT_ALLOWED);
    const assignee = await this.activeAgent(manager, assigneeId);
    if (ticket.assigneeId === assignee.id) return;
    const previous =
      ticket.assigneeId === null ? null : await this.users.findName(manager, ticket.assigneeId);
    await this.activity.changed(
      manager,
      {
        ticket: { ...ticket, assigneeId: assignee.id },
        actor,
        entries: [{ action: HistoryAction.Assigned, from: previous, to: assignee.name }],
        at: new Date(),
      },
      { assigneeId: assignee.id },
    );
  }

  /**
   * Only the owner rates a resolved or closed ticket. A low rating (1–2 stars) tells the
   * assignee and the admins, and with `csat.reopenOnLowRating` the desk reopens the ticket.
   */
  async rate(actor: SessionUser, id: number, dto: RateTicketDto): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, id, manager);
      if (!canRate(actor, toAccess(ticket))) {
        throw new ForbiddenException('Only the owner of the ticket may rate it');
      }
      if (!isRatable(ticket.status)) {
        throw new ConflictException('A ticket can be rated once it is resolved or closed');
      }
      const { csat } = await this.settings.get();
      const reopens = isLowRating(dto.stars) && csat.reopenOnLowRating;
      const entries: ActivityEntry[] = [
        {
          action: HistoryAction.Rated,
          from: ticket.ratingStars === null ? null : String(ticket.ratingStars),
          to: String(dto.stars),
        },
      ];
      if (reopens) {
        entries.push({
          action: HistoryAction.StatusChanged,
          from: ticket.status,
          to: TicketStatus.Open,
          actor: null,
        });
      }
      await this.activity.changed(
        manager,
        {
          ticket,
          actor,
          entries,
          at: new Date(),
        },
        {
          ratingStars: dto.stars,
          ratingFeedback: dto.feedback?.trim() || null,
          ...(reopens && { status: TicketStatus.Open }),
        },
      );
    });
    return this.detail(id);
  }

  private async detail(id: number): Promise<Ticket> {
    const ticket = await this.tickets.findDetail(id, await this.slaView());
    if (!ticket) throw new NotFoundException(TICKET_NOT_FOUND);
    return ticket;
  }

  /** The owner of a new ticket: the caller, or the person it is opened for. */
  private async requester(
    manager: EntityManager,
    actor: SessionUser,
    dto: CreateTicketDto,
  ): Promise<{ id: number }> {
    if (dto.requesterEmail === undefined) return actor;
    const requester = await this.users.findOrCreateRequester(
      manager,
      dto.requesterEmail,
      dto.requesterName,
    );
    if (!requester.active) throw new BadRequestException("The requester's account is deactivated");
    return requester;
  }

  /**
   * Who a new ticket goes to: the agent an admin chose; the agent who opens it, so it never
   * vanishes from their sight; else, in an automatic mode, the agent whose turn it is.
   */
  private async assigneeOnCreate(
    manager: EntityManager,
    actor: SessionUser,
    dto: CreateTicketDto,
  ): Promise<{ assignee: { id: number; name: string } | null; byDesk: boolean }> {
    if (dto.assigneeId !== undefined) {
      return { assignee: await this.activeAgent(manager, dto.assigneeId), byDesk: false };
    }
    if (actor.role === Role.Agent) return { assignee: actor, byDesk: false };
    // Only an automatic mode takes its turn on the locked settings row (instances queue there).
    if ((await this.settings.get()).assignment.mode === AssignmentMode.Manual) {
      return { assignee: null, byDesk: false };
    }
    const { mode } = (await this.settings.getLocked(manager)).assignment;
    if (mode === AssignmentMode.Manual) return { assignee: null, byDesk: false };
    const next = await this.users.nextForAssignment(manager, mode);
    if (next) await this.users.markAutoAssigned(manager, next.id, new Date());
    return { assignee: next, byDesk: true };
  }

  private async slaView(): Promise<SlaView> {
    return { enabled: (await this.settings.get()).sla.enabled, now: this.clock.now() };
  }

  private async activeAgent(manager: EntityManager, id: number) {
    const agent = await this.users.findActiveAgent(manager, id);
    if (!agent) throw new BadRequestException(NOT_AN_ACTIVE_AGENT);
    return agent;
  }
}

/** The fields of a PATCH whose value differs from the ticket's. */
function changedFields(ticket: TicketEntity, dto: UpdateTicketDto): TicketChange {
  return Object.fromEntries(
    CHANGEABLE_FIELDS.filter(
      (field) => dto[field] !== undefined && dto[field] !== ticket[field],
    ).map((field) => [field, dto[field]]),
  );
}

/**
 * The ticket's new tags (normalised) when they differ from its current ones: from a PATCH's
 * whole list or a bulk change's edit; `undefined` when nothing changes. 400 past the limit.
 */
function changedTags(
  current: readonly string[],
  requested: readonly string[] | undefined,
  edit: TagEdit | undefined,
): string[] | undefined {
  if (requested === undefined && edit === undefined) return undefined;
  const result = edit ? editTags(current, edit.add, edit.remove) : normalizeTags(requested ?? []);
  if (!result.ok) throw new BadRequestException(result.message);
  return tagsText(result.tags) === tagsText(current) ? undefined : result.tags;
}
