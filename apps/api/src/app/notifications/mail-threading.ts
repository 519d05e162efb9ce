import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Threading headers of one outgoing e-mail, stored with it in the outbox. */
export interface MailHeaders {
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  replyTo?: string;
  /** RFC 3834: `auto-generated` for notifications, `auto-replied` for acknowledgements. */
  autoSubmitted?: 'auto-generated' | 'auto-replied';
}

/** `hd.t<ticket>.<signature>` inside our Message-IDs; the signature is an HMAC of the ticket. */
const TOKEN = /\bhd\.t(\d{1,12})\.([0-9a-f]{20})\b/gi;

/**
 * Our Message-IDs carry a token naming the ticket, signed with a key derived from the session
 * secret: a reply quoting one of them finds its ticket, and nobody can forge one for a ticket
 * they were never written about.
 */
@Injectable()
export class MailThreading {
  private readonly key: Buffer;
  private readonly domain: string;
  private readonly replyTo: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.sessionSecret)
      .update('helpdesk mail threading')
      .digest();
    const address =
      config.mailReplyAddress ?? /<?([^\s<>]+@[^\s<>]+)>?\s*$/.exec(config.mailFrom)?.[1];
    this.domain = address?.split('@')[1] ?? 'helpdesk.invalid';
    this.replyTo = config.mailReplyAddress ?? undefined;
  }

  /** The ticket's thread root: every message about it refers to this id. */
  rootId(ticketId: number): string {
    return `<hd.t${ticketId}.${this.sign(ticketId)}@${this.domain}>`;
  }

  /** The headers of a new notification about a ticket. */
  notification(ticketId: number): MailHeaders {
    const root = this.rootId(ticketId);
    return {
      messageId: `<hd.t${ticketId}.${this.sign(ticketId)}.${randomBytes(6).toString('hex')}@${this.domain}>`,
      inReplyTo: root,
      references: [root],
      ...(this.replyTo && { replyTo: this.replyTo }),
      autoSubmitted: 'auto-generated',
    };
  }

  /**
   * The acknowledgement of a mail that opened a ticket: it is the thread's root, and answers
   * the sender's message.
   */
  acknowledgement(ticketId: number, answered: string): MailHeaders {
    return {
      messageId: this.rootId(ticketId),
      inReplyTo: answered,
      references: [answered],
      ...(this.replyTo && { replyTo: this.replyTo }),
      autoSubmitted: 'auto-replied',
    };
  }

  /** The ticket named by a correctly signed token among these header values, else null. */
  ticketOf(headerValues: readonly string[]): number | null {
    for (const value of headerValues) {
      for (const match of value.matchAll(TOKEN)) {
        const id = Number(match[1]);
        const given = Buffer.from((match[2] ?? '').toLowerCase());
        const expected = Buffer.from(this.sign(id));
        if (given.length === expected.length && timingSafeEqual(given, expected)) return id;
      }
    }
    return null;
  }

  private sign(ticketId: number): string {
    return createHmac('sha256', this.key).update(`ticket:${ticketId}`).digest('hex').slice(0, 20);
  }
}
