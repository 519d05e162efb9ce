import {
  DESCRIPTION_MAX_LENGTH,
  HistoryAction,
  type SessionUser,
  SUBJECT_MAX_LENGTH,
} from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { CommentsRepository } from '../comments/comments.repository';
import { MailThreading } from '../notifications/mail-threading';
import { messages } from '../notifications/notification-messages';
import { OutboxRepository } from '../notifications/outbox.repository';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { TicketCoreRepository } from '../ticket-core/ticket-core.repository';
import { TicketOpeningService } from '../tickets/ticket-opening.service';
import type { ActivityActor, ActivityEntry, TicketRef } from '../ticket-core/ticket-events';
import type { TicketEntity } from '../ticket-core/ticket.entity';
import type { MailFiles } from './mail-attachments';

export interface MailTicket {
  subject: string;
  body: string;
  files: MailFiles;
  /** Answer the sender with the ticket number (the Message-ID answered); null: no answer. */
  acknowledge: { to: string; inReplyTo: string } | null;
}

/**
 * Writes what a message becomes (a ticket or a comment, with its attachments and a note of
 * the refused ones) through the same activity path as the API, in the caller's transaction.
 */
@Injectable()
export class MailTickets {
  constructor(
    private readonly opening: TicketOpeningService,
    private readonly tickets: TicketCoreRepository,
    private readonly comments: CommentsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly activity: TicketActivity,
    private readonly outbox: OutboxRepository,
    private readonly threading: MailThreading,
  ) {}

  async open(manager: EntityManager, requester: SessionUser, mail: MailTicket): Promise<number> {
    const subject = clip(mail.subject, SUBJECT_MAX_LENGTH) || '(no subject)';
    const id = await this.opening.open(manager, requester, {
      subject,
      description: clip(mail.body, DESCRIPTION_MAX_LENGTH) || '(no text)',
    });
    const ticket = await this.tickets.findOne(id, manager);
    if (!ticket) throw new Error(`Ticket ${id} vanished in its own transaction`);
    const now = new Date();
    const author = { id: requester.id, name: requester.name, role: requester.role };
    if (mail.files.stored.length > 0) {
      await this.attach(manager, id, author, mail.files);
      await this.activity.changed(manager, {
        ticket,
        actor: author,
        entries: attachmentEntries(mail.files),
        at: now,
      });
    }
    await this.noteRefused(manager, ticket, author, mail.files, now);
    if (mail.acknowledge) {
      await this.outbox.enqueue(
        manager,
        [mail.acknowledge.to],
        messages.received(ticket),
        this.threading.acknowledgement(id, mail.acknowledge.inReplyTo),
      );
    }
    return id;
  }

  async comment(
    manager: EntityManager,
    ticket: TicketEntity,
    author: ActivityActor,
    body: string,
    files: MailFiles,
  ): Promise<void> {
    const now = new Date();
    const text = clip(body, DESCRIPTION_MAX_LENGTH);
    const entries: ActivityEntry[] = attachmentEntries(files);
    if (text) {
      await this.comments.insert(manager, {
        ticketId: ticket.id,
        authorId: author.id,
        body: text,
        internal: false,
        createdAt: now,
      });
      entries.unshift({ action: HistoryAction.Commented, to: text });
    }
    await this.attach(manager, ticket.id, author, files);
    await this.activity.changed(manager, { ticket, actor: author, entries, at: now });
    await this.noteRefused(manager, ticket, author, files, now);
  }

  private async attach(
    manager: EntityManager,
    ticketId: number,
    uploader: ActivityActor,
    files: MailFiles,
  ): Promise<void> {
    for (const file of files.stored) {
      await this.attachments.insert(manager, {
        ...file,
        ticketId,
        uploadedById: uploader.id,
        createdAt: new Date(),
      });
    }
  }

  /**
   * Names the refused attachments in an internal note by the desk (staff only). A comment row
   * needs an author: the sender, whose mail it was; the history shows the desk as the actor.
   */
  private async noteRefused(
    manager: EntityManager,
    ticket: TicketRef,
    sender: ActivityActor,
    files: MailFiles,
    at: Date,
  ): Promise<void> {
    if (files.refused.length === 0) return;
    const note = `Attachments of the e-mail that were not accepted: ${files.refused.join(', ')}.`;
    await this.comments.insert(manager, {
      ticketId: ticket.id,
      authorId: sender.id,
      body: note,
      internal: true,
      createdAt: at,
    });
    await this.activity.changed(manager, {
      ticket,
      actor: null,
      entries: [{ action: HistoryAction.Commented, to: note, internal: true }],
      at,
    });
  }
}

function attachmentEntries(files: MailFiles): ActivityEntry[] {
  return files.stored.map((file) => ({ action: HistoryAction.AttachmentAdded, to: file.filename }));
}

function clip(text: string, length: number): string {
  return text.trim().slice(0, length).trim();
}
