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
  canRate,
  canTake,
  HistoryAction,
  Role,
  isLowRating,
  isRatable,
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
import { TICKET_NOT_FOUND, TicketAccessService } from '../ticket-core/ticket-access.service';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { TicketCoreRepository, toAccess } from '../ticket-core/ticket-core.repository';
import type { ActivityEntry } from '../ticket-core/ticket-events';
import type { TicketEntity } from '../ticket-core/ticket.entity';
import { SettingsService } from '../settings/settings.service';
import { UsersRepository } from '../users/users.repository';
import type { RateTicketDto, TicketListQueryDto, UpdateTicketDto } from './dto/ticket-requests.dto';
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
    return this.find(id);
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
    return this.find(id);
  }

  async update(actor: SessionUser, id: number, dto: UpdateTicketDto): Promise<Ticket> {
    await this.transactions.run((manager) => this.applyUpdate(manager, actor, id, dto));
    return this.find(id);
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
    return this.find(id);
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
    return this.find(id);
  }

  /** The ticket as its page shows it (the caller has been checked). */
  async find(id: number): Promise<Ticket> {
    const ticket = await this.tickets.findDetail(id, await this.slaView());
    if (!ticket) throw new NotFoundException(TICKET_NOT_FOUND);
    return ticket;
  }

  private async slaView(): Promise<SlaView> {
    return { enabled: (await this.settings.get()).sla.enabled, now: this.clock.now() };
  }

  /** The active agent with this id, or 400: the only people tickets are given to. */
  async activeAgent(manager: EntityManager, id: number) {
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
