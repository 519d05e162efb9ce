import {
  AssignmentMode,
  canAssignOnCreate,
  canCreateOnBehalf,
  HistoryAction,
  Priority,
  priorityRank,
  Role,
  type SessionUser,
  type Ticket,
  TicketStatus,
} from '@helpdesk/shared/domain';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { SettingsService } from '../settings/settings.service';
import { openingClocks } from '../sla/sla-clocks';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { TicketCoreRepository } from '../ticket-core/ticket-core.repository';
import type { ActivityEntry } from '../ticket-core/ticket-events';
import { UsersRepository } from '../users/users.repository';
import type { CreateTicketDto } from './dto/ticket-requests.dto';
import { TicketsService } from './tickets.service';

/** Opening a ticket: from the web app and the API, on someone's behalf, and from e-mail. */
@Injectable()
export class TicketOpeningService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tickets: TicketsService,
    private readonly ticketRows: TicketCoreRepository,
    private readonly activity: TicketActivity,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
  ) {}

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
    return this.tickets.find(id);
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
      return { assignee: await this.tickets.activeAgent(manager, dto.assigneeId), byDesk: false };
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
}
