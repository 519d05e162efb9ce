import { CommentEntity } from '../../src/app/comments/comment.entity';
import { MailMessageEntity } from '../../src/app/mail/mail-message.entity';
import { MailPoller } from '../../src/app/mail/mail-poller';
import { OutboxMessageEntity } from '../../src/app/notifications/outbox-message.entity';
import { OutboxSender } from '../../src/app/notifications/outbox-sender';
import { TicketEntity } from '../../src/app/ticket-core/ticket.entity';
import { UserEntity } from '../../src/app/users/user.entity';
import { type MessageParts, messageSource } from './mail-messages';
import { type ReceivedMail, SmtpSink } from './smtp-sink';
import { type Cast, TestApp, eventually } from './test-app';
import { TestMailServer } from './test-mail-server';

/**
 * A desk with a real mailbox in front of it: a private Dovecot, the API reading it (polls are
 * triggered by the tests; the timer would only fire after an hour) and an SMTP sink.
 */
export class MailDesk {
  private constructor(
    readonly mailbox: TestMailServer,
    readonly smtp: SmtpSink,
    readonly t: TestApp,
    readonly cast: Cast,
  ) {}

  static async start(): Promise<MailDesk> {
    const smtp = new SmtpSink();
    const [mailbox] = await Promise.all([TestMailServer.start(), smtp.start()]);
    const t = await TestApp.start({
      smtpUrl: smtp.url,
      mail: { imapUrl: mailbox.url, mailPollSeconds: 3600 },
    });
    return new MailDesk(mailbox, smtp, t, await t.signInCast());
  }

  /** Another instance of the API on the same database and mailbox. */
  anotherInstance(): Promise<TestApp> {
    return TestApp.start({
      shareDatabaseWith: this.t,
      mail: { imapUrl: this.mailbox.url, mailPollSeconds: 3600 },
    });
  }

  async close(): Promise<void> {
    await this.t.close();
    await Promise.all([this.mailbox.stop(), this.smtp.stop()]);
  }

  /** Puts messages into the mailbox (IMAP APPEND), without reading it; their Message-IDs. */
  async append(...messages: MessageParts[]): Promise<string[]> {
    const ids: string[] = [];
    for (const message of messages) {
      const { source, messageId } = messageSource(message);
      await this.mailbox.append(source);
      ids.push(messageId);
    }
    return ids;
  }

  /** Puts the messages into the mailbox and has the desk read it once; their Message-IDs. */
  async receive(...messages: MessageParts[]): Promise<string[]> {
    const ids = await this.append(...messages);
    const result = await this.t.app.get(MailPoller).pollNow();
    if (result.error) throw new Error(`The poll failed: ${result.error}`);
    return ids;
  }

  recorded(messageId: string): Promise<MailMessageEntity> {
    return this.t.repo(MailMessageEntity).findOneByOrFail({ messageId });
  }

  async ticketsOf(email: string): Promise<TicketEntity[]> {
    const owner = await this.t.repo(UserEntity).findOneBy({ email });
    if (!owner) return [];
    return this.t.repo(TicketEntity).find({ where: { ownerId: owner.id }, order: { id: 'ASC' } });
  }

  commentsOn(ticketId: number): Promise<CommentEntity[]> {
    return this.t.repo(CommentEntity).find({ where: { ticketId }, order: { id: 'ASC' } });
  }

  /** Runs `act` and returns what the SMTP server received meanwhile, the outbox drained. */
  async sent(act: () => Promise<unknown> = async () => undefined): Promise<ReceivedMail[]> {
    await this.deliverAll();
    const start = this.smtp.received.length;
    await act();
    await this.deliverAll();
    return this.smtp.received.slice(start);
  }

  private async deliverAll(): Promise<void> {
    await eventually(async () => {
      await this.t.app.get(OutboxSender).tick();
      const pending = this.t
        .repo(OutboxMessageEntity)
        .createQueryBuilder('m')
        .where('m.sent_at IS NULL');
      return (await pending.getCount()) === 0;
    });
  }
}

/** A header of a raw message, unfolded. */
export function header(raw: string | undefined, name: string): string | undefined {
  return new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'im')
    .exec(raw ?? '')?.[1]
    ?.replace(/\r\n[ \t]+/g, ' ');
}
