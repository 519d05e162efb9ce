import { HistoryAction, isStaff, type Priority, TicketStatus } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SettingsService } from '../settings/settings.service';
import { TicketCoreRepository } from '../ticket-core/ticket-core.repository';
import { type TicketActivityEvent, TicketEvent } from '../ticket-core/ticket-events';
import { dueTimes, nextDue, type SlaColumns } from './sla-clocks';

const DONE: readonly string[] = [TicketStatus.Resolved, TicketStatus.Closed];

/**
 * Keeps a ticket's SLA clocks in step with what happens to it, in the same transaction: the
 * first public reply of staff meets the first-response target, the first move to resolved or
 * closed the resolution target (a reopen clears it; the due time stays), and a priority change
 * recomputes the due times from the creation time.
 */
@Injectable()
export class SlaListener {
  constructor(
    private readonly tickets: TicketCoreRepository,
    private readonly settings: SettingsService,
  ) {}

  @OnEvent(TicketEvent.Activity)
  async onActivity(event: TicketActivityEvent): Promise<void> {
    const { manager, actor, at } = event;
    const relevant = event.entries.filter(
      (entry) =>
        (entry.action === HistoryAction.Commented && !entry.internal && actor && isStaff(actor)) ||
        entry.action === HistoryAction.StatusChanged ||
        entry.action === HistoryAction.PriorityChanged,
    );
    if (relevant.length === 0) return;
    const ticket = await this.tickets.findOne(event.ticket.id, manager);
    if (!ticket?.firstResponseDueAt) return;
    const clocks: Omit<SlaColumns, 'nextDueAt'> = {
      firstResponseDueAt: ticket.firstResponseDueAt,
      firstResponseWarnAt: ticket.firstResponseWarnAt,
      firstRespondedAt: ticket.firstRespondedAt,
      resolutionDueAt: ticket.resolutionDueAt,
      resolutionWarnAt: ticket.resolutionWarnAt,
      resolvedAt: ticket.resolvedAt,
    };
    for (const entry of relevant) {
      if (entry.action === HistoryAction.Commented) {
        clocks.firstRespondedAt ??= at;
      } else if (entry.action === HistoryAction.StatusChanged) {
        if (DONE.includes(entry.to ?? '')) clocks.resolvedAt ??= at;
        else clocks.resolvedAt = null;
      } else {
        const { sla } = await this.settings.get();
        Object.assign(clocks, dueTimes(entry.to as Priority, ticket.createdAt, sla));
      }
    }
    await this.tickets.updateSla(manager, ticket.id, { ...clocks, nextDueAt: nextDue(clocks) });
  }
}
