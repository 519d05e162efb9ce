import {
  type Actor,
  type SessionUser,
  canApplyTicketChange,
  canAssign,
  canAssignOnCreate,
  canRate,
  HistoryAction,
  isRatable,
  Priority,
  priorityRank,
  type Ticket,
  type TicketChange,
  TicketStatus,
  ticketScope,
} from '@helpdesk/shared/domain';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { type HistoryRecord, HistoryService } from '../history/history.service';
import { UsersService } from '../users/users.service';
import type {
  CreateTicketDto,
  RateTicketDto,
  TicketListQueryDto,
  UpdateTicketDto,
} from './dto/ticket-requests.dto';
import {
  type TicketAssignedEvent,
  type TicketChangedEvent,
  type TicketCreatedEvent,
  TicketEvent,
  type TicketStatusChangedEvent,
} from './events/ticket-events';
import { TICKET_NOT_FOUND, TicketAccessService, toAccess, toRef } from './ticket-access.service';
import { TicketEntity } from './ticket.entity';
import { TicketStatsRepository } from './ticket-stats.repository';
import { TicketsRepository } from './tickets.repository';

const NOT_ALLOWED = 'You are not allowed to make this change';
const NOT_AN_ACTIVE_AGENT = 'assigneeId must be an active agent';

@Injectable()
export class TicketsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tickets: TicketsRepository,
    private readonly stats: TicketStatsRepository,
    private readonly access: TicketAccessService,
    private readonly history: HistoryService,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  list(actor: Actor, query: TicketListQueryDto) {
    return this.tickets.list(ticketScope(actor), query);
  }

  counts(actor: Actor) {
    return this.stats.counts(ticketScope(actor));
  }

  activity(days: number) {
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
    const id = await this.transactions.run(async (manager) => {
      const assignee =
        dto.assigneeId === undefined ? null : await this.activeAgent(manager, dto.assigneeId);
      const now = new Date();
      const priority = dto.priority ?? Priority.Medium;
      const fields = {
        subject: dto.subject,
        description: dto.description,
        status: TicketStatus.Open,
        priority,
        priorityRank: priorityRank(priority),
        ownerId: actor.id,
        assigneeId: assignee?.id ?? null,
        createdAt: now,
        updatedAt: now,
      };
      const { identifiers } = await manager.insert(TicketEntity, fields);
      const ticket = { id: identifiers[0]['id'] as number, ...fields };
      const entries: HistoryRecord[] = [
        {
          ticketId: ticket.id,
          actorId: actor.id,
          action: HistoryAction.Created,
          to: ticket.status,
          at: now,
        },
      ];
      if (assignee) {
        entries.push({
          ticketId: ticket.id,
          actorId: actor.id,
          action: HistoryAction.Assigned,
          to: assignee.name,
          at: now,
        });
      }
      await this.history.record(manager, ...entries);
      await this.emit<TicketCreatedEvent>(TicketEvent.Created, {
        manager,
        ticket: toRef(ticket),
        actorId: actor.id,
        actorName: actor.name,
      });
      return ticket.id;
    });
    return this.changed(id);
  }

  async update(actor: SessionUser, id: number, dto: UpdateTicketDto): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, id, manager);
      const change = changedFields(ticket, dto);
      if (!canApplyTicketChange(actor, toAccess(ticket), change)) {
        throw new ForbiddenException(NOT_ALLOWED);
      }
      if (Object.keys(change).length === 0) return;

      const now = new Date();
      const entry = (action: HistoryAction, from: string, to: string): HistoryRecord => ({
        ticketId: id,
        actorId: actor.id,
        action,
        from,
        to,
        at: now,
      });
      const entries: HistoryRecord[] = [];
      if (change.status)
        entries.push(entry(HistoryAction.StatusChanged, ticket.status, change.status));
      if (change.priority) {
        entries.push(entry(HistoryAction.PriorityChanged, ticket.priority, change.priority));
      }
      if (change.subject) entries.push(entry(HistoryAction.Edited, ticket.subject, change.subject));
      if (change.description) {
        entries.push(entry(HistoryAction.Edited, ticket.description, change.description));
      }
      await manager.update(
        TicketEntity,
        { id },
        {
          ...change,
          ...(change.priority && { priorityRank: priorityRank(change.priority) }),
          updatedAt: now,
        },
      );
      await this.history.record(manager, ...entries);
      if (change.status) {
        await this.emit<TicketStatusChangedEvent>(TicketEvent.StatusChanged, {
          manager,
          ticket: toRef({ ...ticket, ...change }),
          actorId: actor.id,
          actorName: actor.name,
          from: ticket.status,
          to: change.status,
        });
      }
    });
    return this.changed(id);
  }

  async assign(actor: SessionUser, id: number, assigneeId: number): Promise<Ticket> {
    await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, id, manager);
      if (!canAssign(actor, toAccess(ticket))) throw new ForbiddenException(NOT_ALLOWED);
      const assignee = await this.activeAgent(manager, assigneeId);
      if (ticket.assigneeId === assignee.id) return;

      const previous =
        ticket.assigneeId === null ? null : await this.users.findName(manager, ticket.assigneeId);
      const now = new Date();
      await manager.update(TicketEntity, { id }, { assigneeId: assignee.id, updatedAt: now });
      await this.history.record(manager, {
        ticketId: id,
        actorId: actor.id,
        action: HistoryAction.Assigned,
        from: previous,
        to: assignee.name,
        at: now,
      });
      await this.emit<TicketAssignedEvent>(TicketEvent.Assigned, {
        manager,
        ticket: toRef({ ...ticket, assigneeId: assignee.id }),
        actorId: actor.id,
        actorName: actor.name,
        assigneeId: assignee.id,
      });
    });
    return this.changed(id);
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
      const now = new Date();
      await manager.update(
        TicketEntity,
        { id },
        { ratingStars: dto.stars, ratingFeedback: dto.feedback?.trim() || null, updatedAt: now },
      );
      await this.history.record(manager, {
        ticketId: id,
        actorId: actor.id,
        action: HistoryAction.Rated,
        from: ticket.ratingStars === null ? null : String(ticket.ratingStars),
        to: String(dto.stars),
        at: now,
      });
    });
    return this.changed(id);
  }

  /** After a commit: live listeners hear of it, and the caller gets the ticket as it now is. */
  private changed(id: number): Promise<Ticket> {
    this.events.emit(TicketEvent.Changed, { ticketId: id } satisfies TicketChangedEvent);
    return this.detail(id);
  }

  private async detail(id: number): Promise<Ticket> {
    const ticket = await this.tickets.findDetail(id);
    if (!ticket) throw new NotFoundException(TICKET_NOT_FOUND);
    return ticket;
  }

  private async activeAgent(manager: EntityManager, id: number) {
    const agent = await this.users.findActiveAgent(manager, id);
    if (!agent) throw new BadRequestException(NOT_AN_ACTIVE_AGENT);
    return agent;
  }

  /** Listeners (notifications) write inside the same transaction, so they are awaited. */
  private async emit<T>(name: string, event: T): Promise<void> {
    await this.events.emitAsync(name, event);
  }
}

/** The fields of a PATCH whose value differs from the ticket's. */
function changedFields(ticket: TicketEntity, dto: UpdateTicketDto): TicketChange {
  const change: TicketChange = {};
  if (dto.status !== undefined && dto.status !== ticket.status) change.status = dto.status;
  if (dto.priority !== undefined && dto.priority !== ticket.priority)
    change.priority = dto.priority;
  if (dto.subject !== undefined && dto.subject !== ticket.subject) change.subject = dto.subject;
  if (dto.description !== undefined && dto.description !== ticket.description) {
    change.description = dto.description;
  }
  return change;
}
