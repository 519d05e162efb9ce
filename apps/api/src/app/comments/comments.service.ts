import { type Actor, type Comment, HistoryAction, type SessionUser } from '@helpdesk/shared/domain';
import { BadRequestException, Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { TicketAccessService } from '../ticket-core/ticket-access.service';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { CommentsRepository } from './comments.repository';

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
    return this.comments.listForTicket(ticketId);
  }

  /** Anyone who can see the ticket may comment on it. */
  async add(actor: SessionUser, ticketId: number, body: string): Promise<Comment> {
    if (body.trim().length === 0) throw new BadRequestException('body must not be blank');
    const now = new Date();
    const id = await this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, ticketId, manager);
      const id = await this.comments.insert(manager, {
        ticketId,
        authorId: actor.id,
        body,
        createdAt: now,
      });
      await this.activity.changed(manager, {
        ticket,
        actor: { id: actor.id, name: actor.name },
        entries: [{ action: HistoryAction.Commented, to: body }],
        at: now,
      });
      return id;
    });
    return {
      id,
      body,
      author: { id: actor.id, name: actor.name, role: actor.role },
      createdAt: now.toISOString(),
    };
  }
}
