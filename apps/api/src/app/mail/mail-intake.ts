import { canComment, type Role, type SessionUser } from '@helpdesk/shared/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { MailThreading } from '../notifications/mail-threading';
import { TicketCoreRepository, toAccess } from '../ticket-core/ticket-core.repository';
import { UsersRepository } from '../users/users.repository';
import { type InboundMail, parseInboundMail } from './inbound-mail';
import { MailAttachments, type MailFiles } from './mail-attachments';
import { MailOutcome } from './mail-message.entity';
import { loopReason, NEW_TICKETS_PER_SENDER_PER_HOUR, subjectTicketId } from './mail-rules';
import { writtenText } from './mail-text';
import { MailTickets } from './mail-tickets';
import { MailRepository } from './mail.repository';

const HOUR_MS = 60 * 60 * 1000;

/** Where a message sits in the mailbox, and the lease its poller holds. */
export interface MailboxPlace {
  owner: string;
  uidValidity: number;
  uid: number;
  leaseUntil: Date;
}

/** Another instance took the polling lease: this one must stop and roll back. */
export class LeaseLostError extends Error {
  constructor() {
    super('The mailbox lease passed to another instance');
  }
}

interface Decision {
  outcome: MailOutcome;
  reason: string | null;
  ticketId: number | null;
}

/**
 * Turns one message into a ticket, a comment, or a rejection with its reason; acting on it,
 * recording it and moving the mailbox watermark commit together, so a message is done once.
 */
@Injectable()
export class MailIntake {
  private readonly ownAddresses: string[];

  constructor(
    private readonly transactions: Transactions,
    private readonly mail: MailRepository,
    private readonly users: UsersRepository,
    private readonly tickets: TicketCoreRepository,
    private readonly writer: MailTickets,
    private readonly files: MailAttachments,
    private readonly threading: MailThreading,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ownAddresses = ownAddressesOf(config);
  }

  /** Acts on the message at `place` unless it was done before; true when this call did it. */
  async receive(source: Buffer, place: MailboxPlace): Promise<boolean> {
    const mail = await parseInboundMail(
      source,
      `<uid.${place.uidValidity}.${place.uid}@mailbox.invalid>`,
    );
    const files = await this.files.store(mail.attachments);
    let used = false;
    try {
      return await this.transactions.run(async (manager) => {
        const known = await this.mail.isKnown(manager, mail.messageId);
        if (!known) {
          const decision = await this.decide(manager, mail, files);
          used = decision.outcome !== MailOutcome.Rejected;
          await this.mail.record(manager, {
            messageId: mail.messageId,
            fromAddress: mail.fromAddress.slice(0, 254),
            subject: mail.subject.slice(0, 300),
            outcome: decision.outcome,
            reason: decision.reason?.slice(0, 300) ?? null,
            ticketId: decision.ticketId,
            raw: decision.outcome === MailOutcome.Rejected ? source.toString('base64') : null,
            receivedAt: new Date(),
          });
        }
        const { owner, uidValidity, uid, leaseUntil } = place;
        if (!(await this.mail.advance(manager, owner, { uidValidity, uid }, leaseUntil))) {
          throw new LeaseLostError();
        }
        return !known;
      });
    } catch (error) {
      used = false;
      throw error;
    } finally {
      if (!used) await this.files.discard(files);
    }
  }

  /** A message that keeps failing is recorded as rejected, so the mailbox moves on. */
  async setAside(source: Buffer, place: MailboxPlace, error: string): Promise<void> {
    const fallbackId = `<uid.${place.uidValidity}.${place.uid}@mailbox.invalid>`;
    const mail = await parseInboundMail(source, fallbackId).catch(() => null);
    await this.transactions.run(async (manager) => {
      const messageId = mail?.messageId ?? fallbackId;
      if (!(await this.mail.isKnown(manager, messageId))) {
        await this.mail.record(manager, {
          messageId,
          fromAddress: mail?.fromAddress.slice(0, 254) ?? '',
          subject: mail?.subject.slice(0, 300) ?? '',
          outcome: MailOutcome.Rejected,
          reason: `Could not be processed: ${error}`.slice(0, 300),
          ticketId: null,
          raw: source.toString('base64'),
          receivedAt: new Date(),
        });
      }
      const { owner, uidValidity, uid, leaseUntil } = place;
      if (!(await this.mail.advance(manager, owner, { uidValidity, uid }, leaseUntil))) {
        throw new LeaseLostError();
      }
    });
  }

  /** An admin makes a ticket of a rejected message: owned by its sender, no acknowledgement. */
  async ticketFromSource(manager: EntityManager, source: Buffer, fallbackId: string) {
    const mail = await parseInboundMail(source, fallbackId);
    const files = await this.files.store(mail.attachments);
    try {
      const requester = await this.users.findOrCreateRequester(
        manager,
        mail.fromAddress,
        mail.fromName,
      );
      const ticketId = await this.writer.open(manager, sessionUserOf(requester), {
        subject: mail.subject,
        body: writtenText(mail.text),
        files,
        acknowledge: null,
      });
      return { ticketId, files };
    } catch (error) {
      await this.files.discard(files);
      throw error;
    }
  }

  private async decide(
    manager: EntityManager,
    mail: InboundMail,
    files: MailFiles,
  ): Promise<Decision> {
    const loop = loopReason(mail.fromAddress, mail.headers, this.ownAddresses);
    if (loop) return rejected(loop);
    const sender = await this.users.findByEmail(mail.fromAddress);
    const ticketId = await this.matchTicket(manager, mail, sender);
    if (ticketId !== null) {
      const ticket = await this.tickets.findOne(ticketId, manager);
      if (!ticket) return rejected(`A reply to ticket #${ticketId}, which does not exist`);
      if (!sender?.active || !canComment(sender, toAccess(ticket))) {
        return rejected(`A reply to ticket #${ticketId} from someone who may not write on it`);
      }
      const body = writtenText(mail.text);
      if (!body && files.stored.length === 0 && files.refused.length === 0) {
        return rejected(`An empty reply to ticket #${ticketId}`);
      }
      await this.writer.comment(manager, ticket, sessionUserOf(sender), body, files);
      return { outcome: MailOutcome.Comment, reason: null, ticketId };
    }
    const since = new Date(Date.now() - HOUR_MS);
    if (
      (await this.mail.ticketsOpenedSince(manager, mail.fromAddress, since)) >=
      NEW_TICKETS_PER_SENDER_PER_HOUR
    ) {
      return rejected(
        `More than ${NEW_TICKETS_PER_SENDER_PER_HOUR} new tickets from this sender in an hour`,
      );
    }
    if (sender && !sender.active) return rejected("The sender's account is deactivated");
    const requester =
      sender ?? (await this.users.findOrCreateRequester(manager, mail.fromAddress, mail.fromName));
    const id = await this.writer.open(manager, sessionUserOf(requester), {
      subject: mail.subject,
      body: writtenText(mail.text),
      files,
      acknowledge: { to: mail.fromAddress, inReplyTo: mail.messageId },
    });
    return { outcome: MailOutcome.Ticket, reason: null, ticketId: id };
  }

  /**
   * The ticket a reply belongs to: our signed token in its references, else a message we read
   * before, else `[#id]` in the subject — the last only from the ticket's owner or assignee,
   * since anyone can type a number.
   */
  private async matchTicket(
    manager: EntityManager,
    mail: InboundMail,
    sender: { id: number; role: Role } | null,
  ): Promise<number | null> {
    const signed = this.threading.ticketOf(mail.referencedIds);
    if (signed !== null) return signed;
    const stored = await this.mail.ticketOfMessages(manager, mail.referencedIds);
    if (stored !== null) return stored;
    const numbered = subjectTicketId(mail.subject);
    if (numbered === null || !sender) return null;
    const ticket = await this.tickets.findOne(numbered, manager);
    const takesPart = ticket && (ticket.ownerId === sender.id || ticket.assigneeId === sender.id);
    return takesPart ? numbered : null;
  }
}

function sessionUserOf(user: SessionUser): SessionUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

function rejected(reason: string): Decision {
  return { outcome: MailOutcome.Rejected, reason, ticketId: null };
}

/** The desk's own addresses: mail from them is never a requester's. */
function ownAddressesOf(config: AppConfig): string[] {
  const addresses = [
    config.mailReplyAddress,
    /<?([^\s<>]+@[^\s<>]+)>?\s*$/.exec(config.mailFrom)?.[1],
  ];
  if (config.imapUrl) {
    const user = decodeURIComponent(new URL(config.imapUrl).username);
    if (user.includes('@')) addresses.push(user);
  }
  return addresses.filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase());
}
