import {
  type Actor,
  canComment,
  canSeeInternalNotes,
  canWriteInternalNote,
  type Comment,
  HistoryAction,
  isStaff,
  type SessionUser,
} from '@helpdesk/shared/domain';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { TicketAccessService } from '../ticket-core/ticket-access.service';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { toAccess } from '../ticket-core/ticket-core.repository';
import { CommentsRepository } from './comments.repository';
import type { CreateCommentDto } from './dto/comment.dto';

@Injectable()
export class CommentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly comments: CommentsRepository,
    private readonly access: TicketAccessService,
    private readonly activity: TicketActivity,
  ) {}

  async list(actor: Actor, ticketId: number): Promise<Comment[]> {
    await this.access.findVisible(actor, ticketId);
    return this.comments.listForTicket(ticketId, canSeeInternalNotes(actor));
  }

  async add(actor: SessionUser, ticketId: number, dto: CreateCommentDto): Promise<Comment> {
    const internal = dto.internal ?? false;
    if (dto.body.trim().length === 0) throw new BadRequestException('body must not be blank');
    if (internal && !isStaff(actor)) {
      throw new ForbiddenException('Only agents and admins write internal notes');
    }
    const now = new Date();
    const id = await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, ticketId, manager);
      const allowed = internal
        ? canWriteInternalNote(actor, toAccess(ticket))
        : canComment(actor, toAccess(ticket));
      if (!allowed) throw new ForbiddenException('Take the ticket before writing on it');
      const id = await this.comments.insert(manager, {
        ticketId,
        authorId: actor.id,
        body: dto.body,
        internal,
        createdAt: now,
      });
      await this.activity.changed(manager, {
        ticket,
        actor,
        entries: [{ action: HistoryAction.Commented, to: dto.body, internal }],
        at: now,
      });
      return id;
    });
    return {
      id,
      body: dto.body,
      internal,
      author: { id: actor.id, name: actor.name, role: actor.role },
      createdAt: now.toISOString(),
    };
  }
}
