import {
  type Actor,
  canComment,
  type Comment,
  HistoryAction,
  type Role,
  type SessionUser,
} from '@helpdesk/shared/domain';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { Transactions } from '../../database/transactions';
import { HistoryService } from '../history/history.service';
import {
  type CommentAddedEvent,
  type TicketChangedEvent,
  TicketEvent,
} from '../tickets/events/ticket-events';
import { TicketAccessService, toAccess, toRef } from '../tickets/ticket-access.service';
import { TicketEntity } from '../tickets/ticket.entity';
import { CommentEntity } from './comment.entity';

interface CommentRow {
  id: number;
  body: string;
  createdAt: Date | string;
  authorId: number;
  authorName: string;
  authorRole: Role;
}

@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly tickets: TicketAccessService,
    private readonly history: HistoryService,
    private readonly events: EventEmitter2,
  ) {}

  async list(actor: Actor, ticketId: number): Promise<Comment[]> {
    await this.tickets.findVisible(actor, ticketId);
    const rows = await this.query()
      .where('c.ticket_id = :ticketId', { ticketId })
      .getRawMany<CommentRow>();
    return rows.map(toComment);
  }

  async add(actor: SessionUser, ticketId: number, body: string): Promise<Comment> {
    if (body.trim().length === 0) throw new BadRequestException('body must not be blank');
    const now = new Date();
    const id = await this.transactions.run(async (manager) => {
      const ticket = await this.tickets.findVisible(actor, ticketId, manager);
      if (!canComment(actor, toAccess(ticket))) throw new ForbiddenException();
      const { identifiers } = await manager.insert(CommentEntity, {
        ticketId,
        authorId: actor.id,
        body,
        createdAt: now,
      });
      await manager.update(TicketEntity, { id: ticketId }, { updatedAt: now });
      await this.history.record(manager, {
        ticketId,
        actorId: actor.id,
        action: HistoryAction.Commented,
        to: body,
        at: now,
      });
      await this.events.emitAsync(TicketEvent.CommentAdded, {
        manager,
        ticket: toRef(ticket),
        actorId: actor.id,
        actorName: actor.name,
        body,
      } satisfies CommentAddedEvent);
      return identifiers[0]['id'] as number;
    });
    this.events.emit(TicketEvent.Changed, { ticketId } satisfies TicketChangedEvent);
    return {
      id,
      body,
      author: { id: actor.id, name: actor.name, role: actor.role },
      createdAt: now.toISOString(),
    };
  }

  private query() {
    return this.dataSource
      .createQueryBuilder(CommentEntity, 'c')
      .innerJoin('users', 'author', 'author.id = c.author_id')
      .select([
        'c.id AS id',
        'c.body AS body',
        'c.created_at AS "createdAt"',
        'author.id AS "authorId"',
        'author.name AS "authorName"',
        'author.role AS "authorRole"',
      ])
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
  }
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    body: row.body,
    author: { id: row.authorId, name: row.authorName, role: row.authorRole },
    createdAt: toIsoTimestamp(row.createdAt),
  };
}
