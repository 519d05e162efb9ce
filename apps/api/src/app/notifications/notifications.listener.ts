import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type EntityManager, In } from 'typeorm';
import {
  type CommentAddedEvent,
  type TicketAssignedEvent,
  type TicketCreatedEvent,
  TicketEvent,
  type TicketStatusChangedEvent,
} from '../tickets/events/ticket-events';
import { UserEntity } from '../users/user.entity';
import { type MailContent, messages } from './notification-messages';
import { OutboxMessageEntity } from './outbox-message.entity';

/**
 * Turns ticket events into e-mails in the outbox, inside the transaction of the change:
 * the message commits with the change or not at all. Sending happens later (OutboxSender).
 */
@Injectable()
export class NotificationsListener {
  @OnEvent(TicketEvent.Created)
  async onCreated(event: TicketCreatedEvent): Promise<void> {
    if (event.ticket.assigneeId === null) return;
    await this.enqueue(event, [event.ticket.assigneeId], (actor) =>
      messages.created(event.ticket, actor),
    );
  }

  @OnEvent(TicketEvent.Assigned)
  async onAssigned(event: TicketAssignedEvent): Promise<void> {
    await this.enqueue(event, [event.assigneeId], (actor) =>
      messages.assigned(event.ticket, actor),
    );
  }

  @OnEvent(TicketEvent.StatusChanged)
  async onStatusChanged(event: TicketStatusChangedEvent): Promise<void> {
    await this.enqueue(event, participants(event), (actor) =>
      messages.statusChanged(event.ticket, actor, event.from, event.to),
    );
  }

  @OnEvent(TicketEvent.CommentAdded)
  async onCommentAdded(event: CommentAddedEvent): Promise<void> {
    await this.enqueue(event, participants(event), (actor) =>
      messages.commentAdded(event.ticket, actor, event.body),
    );
  }

  private async enqueue(
    event: { manager: EntityManager; actorId: number; actorName: string },
    recipientIds: number[],
    compose: (actorName: string) => MailContent,
  ): Promise<void> {
    const ids = [...new Set(recipientIds)].filter((id) => id !== event.actorId);
    if (ids.length === 0) return;
    const { manager } = event;
    const recipients = await manager.find(UserEntity, {
      where: { id: In(ids), active: true },
      select: { email: true },
    });
    if (recipients.length === 0) return;
    const content = compose(event.actorName);
    const now = new Date();
    await manager.insert(
      OutboxMessageEntity,
      recipients.map((recipient) => ({
        to: recipient.email,
        ...content,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
  }
}

function participants(event: { ticket: { ownerId: number; assigneeId: number | null } }): number[] {
  const { ownerId, assigneeId } = event.ticket;
  return assigneeId === null ? [ownerId] : [ownerId, assigneeId];
}
