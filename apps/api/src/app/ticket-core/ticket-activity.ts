import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { HistoryRepository } from './history.repository';
import { type TicketFields, TicketCoreRepository } from './ticket-core.repository';
import {
  type ActivityActor,
  type ActivityEntry,
  type TicketActivityEvent,
  type TicketChangedEvent,
  TicketEvent,
  type TicketRef,
} from './ticket-events';

export interface TicketActivityRecord {
  ticket: TicketRef;
  actor: ActivityActor | null;
  entries: readonly ActivityEntry[];
  at: Date;
}

/**
 * The one path for "something happened to a ticket". Inside the change's transaction it
 * bumps `updatedAt` (with any other column of the change), appends the history entries and
 * lets listeners write with it (the e-mail outbox); once the transaction has committed, it
 * publishes "ticket changed" for live updates. Nothing else does any of this by hand.
 *
 * An internal note alone leaves `updatedAt` as it was and is published to staff only: the
 * owner sees `updatedAt` and hears live updates, and must never learn of a note.
 */
@Injectable()
export class TicketActivity {
  constructor(
    private readonly transactions: Transactions,
    private readonly tickets: TicketCoreRepository,
    private readonly history: HistoryRepository,
    private readonly events: EventEmitter2,
  ) {}

  /** A ticket just inserted in this transaction (its `updatedAt` is already `at`). */
  async opened(manager: EntityManager, activity: TicketActivityRecord): Promise<void> {
    await this.happened(manager, activity);
  }

  /** A change to an existing ticket: `fields` are written with the new `updatedAt`. */
  async changed(
    manager: EntityManager,
    activity: TicketActivityRecord,
    fields: Partial<TicketFields> = {},
  ): Promise<void> {
    if (isStaffOnly(activity)) {
      if (Object.keys(fields).length > 0) {
        throw new Error('An internal note changes no ticket column');
      }
    } else {
      await this.tickets.update(manager, activity.ticket.id, { ...fields, updatedAt: activity.at });
    }
    await this.happened(manager, activity);
  }

  private async happened(manager: EntityManager, activity: TicketActivityRecord): Promise<void> {
    const { ticket, actor, entries, at } = activity;
    await this.history.append(
      manager,
      entries.map((entry) => ({
        action: entry.action,
        from: entry.from,
        to: entry.to,
        internal: entry.internal ?? false,
        ticketId: ticket.id,
        actorId: (entry.actor === undefined ? actor : entry.actor)?.id ?? null,
        at,
      })),
    );
    await this.events.emitAsync(TicketEvent.Activity, {
      manager,
      ...activity,
    } satisfies TicketActivityEvent);
    const changed: TicketChangedEvent = { ticketId: ticket.id, staffOnly: isStaffOnly(activity) };
    this.transactions.afterCommit(manager, () => this.events.emit(TicketEvent.Changed, changed));
  }
}

function isStaffOnly(activity: TicketActivityRecord): boolean {
  return activity.entries.every((entry) => entry.internal === true);
}
