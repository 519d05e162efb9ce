import {
  type Actor,
  type SessionUser,
  canApplyTicketChange,
  canAssign,
  canAssignOnCreate,
  canCreateOnBehalf,
  canRate,
  canTake,
  HistoryAction,
  AssignmentMode,
  Role,
  isRatable,
  Priority,
  priorityRank,
  type Ticket,
  type TicketChange,
  TicketStatus,
} from '@helpdesk/shared/domain';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { TICKET_NOT_FOUND, TicketAccessService } from '../ticket-core/ticket-access.service';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { TicketCoreRepository, toAccess } from '../ticket-core/ticket-core.repository';
import type { ActivityActor, ActivityEntry } from '../ticket-core/ticket-events';
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
import { TicketsRepository } from './tickets.repository';

const NOT_ALLOWED = 'You are not allowed to make this change';
const NOT_AN_ACTIVE_AGENT = 'assigneeId must be an active agent';

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
  ) {}

  async list(actor: Actor, query: TicketListQueryDto) {
    return this.tickets.list(await this.access.scope(actor), query);
  }

  async counts(actor: Actor) {
    return this.stats.counts(await this.access.scope(actor));
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
      actor: actorOf(actor),
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
          actor: actorOf(actor),
          entries: [{ action: HistoryAction.Assigned, from: null, to: actor.name }],
          at: new Date(),
        },
        { assigneeId: actor.id },
      );
    });
    return this.detail(id);
  }

  async update(actor: SessionUser, id: number, dto: UpdateTicketDto): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, id, manager);
      const change = changedFields(ticket, dto);
      if (!canApplyTicketChange(actor, toAccess(ticket), change)) {
        throw new ForbiddenException(NOT_ALLOWED);
      }
      const fields = CHANGEABLE_FIELDS.filter((field) => field in change);
      if (fields.length === 0) return;
      await this.activity.changed(
        manager,
        {
          ticket: { ...ticket, ...change },
          actor: actorOf(actor),
          entries: fields.map((field) => ({
            action: FIELD_ACTIONS[field],
            from: ticket[field],
            to: change[field],
          })),
          at: new Date(),
        },
        { ...change, ...(change.priority && { priorityRank: priorityRank(change.priority) }) },
      );
    });
    return this.detail(id);
  }

  async assign(actor: SessionUser, id: number, assigneeId: number): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
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
          actor: actorOf(actor),
          entries: [{ action: HistoryAction.Assigned, from: previous, to: assignee.name }],
          at: new Date(),
        },
        { assigneeId: assignee.id },
      );
    });
    return this.detail(id);
  }

  async rate(actor: SessionUser, id: number, dto: RateTicketDto): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, id, manager);
      if (!canRate(actor, toAccess(ticket))) {
        throw new ForbiddenException('Only the owner of the ticket may rate it');
      }
      if (!isRatable(ticket.status)) {
        throw new ConflictException('A ticket can be rated once it is resolved or closed');
      }
      await this.activity.changed(
        manager,
        {
          ticket,
          actor: actorOf(actor),
          entries: [
            {
              action: HistoryAction.Rated,
              from: ticket.ratingStars === null ? null : String(ticket.ratingStars),
              to: String(dto.stars),
            },
          ],
          at: new Date(),
        },
        { ratingStars: dto.stars, ratingFeedback: dto.feedback?.trim() || null },
      );
    });
    return this.detail(id);
  }

  private async detail(id: number): Promise<Ticket> {
    const ticket = await this.tickets.findDetail(id);
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
    const { mode } = (await this.settings.getLocked(manager)).assignment;
    if (mode === AssignmentMode.Manual) return { assignee: null, byDesk: false };
    const next = await this.users.nextForAssignment(manager, mode);
    if (next) await this.users.markAutoAssigned(manager, next.id, new Date());
    return { assignee: next, byDesk: true };
  }

  private async activeAgent(manager: EntityManager, id: number) {
    const agent = await this.users.findActiveAgent(manager, id);
    if (!agent) throw new BadRequestException(NOT_AN_ACTIVE_AGENT);
    return agent;
  }
}

function actorOf(user: SessionUser): ActivityActor {
  return { id: user.id, name: user.name };
}

/** The fields of a PATCH whose value differs from the ticket's. */
function changedFields(ticket: TicketEntity, dto: UpdateTicketDto): TicketChange {
  return Object.fromEntries(
    CHANGEABLE_FIELDS.filter(
      (field) => dto[field] !== undefined && dto[field] !== ticket[field],
    ).map((field) => [field, dto[field]]),
  );
}
