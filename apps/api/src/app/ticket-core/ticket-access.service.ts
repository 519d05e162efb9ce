import { type Actor, canViewTicket } from '@helpdesk/shared/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketCoreRepository, toAccess } from './ticket-core.repository';
import type { TicketEntity } from './ticket.entity';

export const TICKET_NOT_FOUND = 'Ticket not found';

/** Finds a ticket the way the caller is allowed to know of it: unseen tickets do not exist. */
@Injectable()
export class TicketAccessService {
  constructor(private readonly tickets: TicketCoreRepository) {}

  /** Inside a transaction (`manager` given), the ticket row stays locked until it ends. */
  async findVisible(
    actor: Actor,
    ticketId: number,
    manager?: EntityManager,
  ): Promise<TicketEntity> {
    const ticket = await this.tickets.findOne(ticketId, manager);
    if (!ticket || !canViewTicket(actor, toAccess(ticket))) {
      throw new NotFoundException(TICKET_NOT_FOUND);
    }
    return ticket;
  }

  async isVisible(actor: Actor, ticketId: number): Promise<boolean> {
    const access = await this.tickets.findAccess(ticketId);
    return access !== null && canViewTicket(actor, access);
  }
}
