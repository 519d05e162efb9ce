import {
  type Actor,
  canViewTicket,
  Role,
  ticketScope,
  type TicketScope,
} from '@helpdesk/shared/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SettingsService } from '../settings/settings.service';
import { TicketCoreRepository, toAccess } from './ticket-core.repository';
import type { TicketEntity } from './ticket.entity';

export const TICKET_NOT_FOUND = 'Ticket not found';

/**
 * Who may see which ticket, with the desk's current settings (the pool): finds a ticket the
 * way the caller is allowed to know of it, so that unseen tickets do not exist.
 */
@Injectable()
export class TicketAccessService {
  constructor(
    private readonly tickets: TicketCoreRepository,
    private readonly settings: SettingsService,
  ) {}

  async scope(actor: Actor): Promise<TicketScope> {
    return ticketScope(actor, await this.settings.access());
  }

  /** Inside a transaction (`manager` given), the ticket row stays locked until it ends. */
  async findVisible(
    actor: Actor,
    ticketId: number,
    manager?: EntityManager,
  ): Promise<TicketEntity> {
    const [ticket, desk] = await Promise.all([
      this.tickets.findOne(ticketId, manager),
      this.settings.access(),
    ]);
    if (!ticket || !canViewTicket(actor, toAccess(ticket), desk)) {
      throw new NotFoundException(TICKET_NOT_FOUND);
    }
    return ticket;
  }

  /**
   * A ticket to take from the pool, locked: as {@link findVisible}, except that an agent who
   * sees the pool also gets a ticket someone has just taken, so that the loser of a race
   * hears 409 rather than 404.
   */
  async findTakeable(
    actor: Actor,
    ticketId: number,
    manager: EntityManager,
  ): Promise<TicketEntity> {
    const [ticket, desk] = await Promise.all([
      this.tickets.findOne(ticketId, manager),
      this.settings.access(),
    ]);
    if (!ticket) throw new NotFoundException(TICKET_NOT_FOUND);
    const poolAgent = actor.role === Role.Agent && desk.agentsSeeUnassigned;
    if (!poolAgent && !canViewTicket(actor, toAccess(ticket), desk)) {
      throw new NotFoundException(TICKET_NOT_FOUND);
    }
    return ticket;
  }

  async isVisible(actor: Actor, ticketId: number): Promise<boolean> {
    const [access, desk] = await Promise.all([
      this.tickets.findAccess(ticketId),
      this.settings.access(),
    ]);
    return access !== null && canViewTicket(actor, access, desk);
  }
}
