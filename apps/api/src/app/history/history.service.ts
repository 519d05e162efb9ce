import { type Actor, canSeeInternalNotes, type HistoryEntry } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { HistoryRepository } from '../ticket-core/history.repository';
import { TicketAccessService } from '../ticket-core/ticket-access.service';

/** Reads the audit trail; it is written only by TicketActivity, inside each change. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly access: TicketAccessService,
    private readonly history: HistoryRepository,
  ) {}

  async listForTicket(actor: Actor, ticketId: number): Promise<HistoryEntry[]> {
    await this.access.findVisible(actor, ticketId);
    return this.history.listForTicket(ticketId, canSeeInternalNotes(actor));
  }
}
