import { type Actor, canViewTicket, type TicketAccess } from '@helpdesk/shared/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowLock } from '../../database/engine';
import type { TicketRef } from './events/ticket-events';
import { TicketEntity } from './ticket.entity';

export const TICKET_NOT_FOUND = 'Ticket not found';

/** Finds a ticket the way the caller is allowed to know of it: unseen tickets do not exist. */
@Injectable()
export class TicketAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside a transaction (`manager` given), the ticket row stays locked until it ends. */
  async findVisible(
    actor: Actor,
    ticketId: number,
    manager?: EntityManager,
  ): Promise<TicketEntity> {
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder(TicketEntity, 't')
      .where('t.id = :ticketId', { ticketId });
    if (manager && rowLock(manager)) query.setLock('pessimistic_write');
    const ticket = await query.getOne();
    if (!ticket || !canViewTicket(actor, toAccess(ticket))) {
      throw new NotFoundException(TICKET_NOT_FOUND);
    }
    return ticket;
  }
}

export function toAccess(ticket: TicketEntity): TicketAccess {
  return { ownerId: ticket.ownerId, assigneeId: ticket.assigneeId, status: ticket.status };
}

export function toRef(ticket: TicketRef): TicketRef {
  return {
    id: ticket.id,
    subject: ticket.subject,
    ownerId: ticket.ownerId,
    assigneeId: ticket.assigneeId,
  };
}
