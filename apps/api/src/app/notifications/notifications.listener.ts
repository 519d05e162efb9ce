import { HistoryAction, isLowRating, type TicketStatus } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  type ActivityEntry,
  type TicketActivityEvent,
  TicketEvent,
  type TicketRef,
} from '../ticket-core/ticket-events';
import { UsersRepository } from '../users/users.repository';
import { MailThreading } from './mail-threading';
import { type MailContent, messages } from './notification-messages';
import { OutboxRepository } from './outbox.repository';

/** The sender named in e-mails about what the desk did by itself. */
const DESK_NAME = 'Helpdesk';

interface Notification {
  recipientIds: number[];
  /** The active admins hear of it too. */
  toAdmins?: boolean;
  content: MailContent;
}

/**
 * Turns ticket activity into e-mails in the outbox, inside the transaction of the change:
 * the message commits with the change or not at all. Sending happens later (OutboxSender).
 */
@Injectable()
export class NotificationsListener {
  constructor(
    private readonly users: UsersRepository,
    private readonly outbox: OutboxRepository,
    private readonly threading: MailThreading,
  ) {}

  @OnEvent(TicketEvent.Activity)
  async onActivity(event: TicketActivityEvent): Promise<void> {
    const opened = event.entries.some((entry) => entry.action === HistoryAction.Created);
    for (const entry of event.entries) {
      const actor = entry.actor === undefined ? event.actor : entry.actor;
      const notification = notificationOf(event.ticket, entry, actor?.name ?? DESK_NAME, opened);
      if (!notification) continue;
      const admins = notification.toAdmins ? await this.users.activeAdminIds(event.manager) : [];
      const ids = [...new Set([...notification.recipientIds, ...admins])].filter(
        (id) => id !== actor?.id,
      );
      if (ids.length === 0) continue;
      const addresses = await this.users.activeEmails(event.manager, ids);
      await this.outbox.enqueue(
        event.manager,
        addresses,
        notification.content,
        this.threading.notification(event.ticket.id),
      );
    }
  }
}

/** Who hears of one history entry, and what they read; `null` for entries nobody is told of. */
function notificationOf(
  ticket: TicketRef,
  entry: ActivityEntry,
  actorName: string,
  opened: boolean,
): Notification | null {
  switch (entry.action) {
    case HistoryAction.Created:
      return ticket.assigneeId === null
        ? null
        : { recipientIds: [ticket.assigneeId], content: messages.created(ticket, actorName) };
    case HistoryAction.Assigned:
      // A ticket opened with an assignee tells them once, as a new ticket.
      return opened || ticket.assigneeId === null
        ? null
        : { recipientIds: [ticket.assigneeId], content: messages.assigned(ticket, actorName) };
    case HistoryAction.StatusChanged:
      return {
        recipientIds: participants(ticket),
        content: messages.statusChanged(
          ticket,
          actorName,
          entry.from as TicketStatus,
          entry.to as TicketStatus,
        ),
      };
    case HistoryAction.Commented:
      return {
        // An internal note is for the assignee, never the owner.
        recipientIds: entry.internal
          ? ticket.assigneeId === null
            ? []
            : [ticket.assigneeId]
          : participants(ticket),
        content: (entry.internal ? messages.noteAdded : messages.commentAdded)(
          ticket,
          actorName,
          entry.to ?? '',
        ),
      };
    case HistoryAction.Rated:
      return isLowRating(Number(entry.to))
        ? {
            recipientIds: ticket.assigneeId === null ? [] : [ticket.assigneeId],
            toAdmins: true,
            content: messages.lowRating(ticket, actorName, Number(entry.to)),
          }
        : null;
    case HistoryAction.PriorityChanged:
    case HistoryAction.TagsChanged:
    case HistoryAction.AttachmentAdded:
    case HistoryAction.Edited:
      return null;
  }
}

function participants(ticket: TicketRef): number[] {
  return ticket.assigneeId === null ? [ticket.ownerId] : [ticket.ownerId, ticket.assigneeId];
}
