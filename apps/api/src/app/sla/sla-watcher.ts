import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '../../common/clock';
import { Transactions } from '../../database/transactions';
import { MailThreading } from '../notifications/mail-threading';
import type { MailContent } from '../notifications/notification-messages';
import { OutboxRepository } from '../notifications/outbox.repository';
import { SettingsService } from '../settings/settings.service';
import { TicketCoreRepository } from '../ticket-core/ticket-core.repository';
import { UsersRepository } from '../users/users.repository';
import { type DueNotice, SlaNoticeKind, SlaNoticesRepository } from './sla-notices.repository';

const CHECK_INTERVAL_MS = 30_000;
const BATCH_SIZE = 100;

const NOTICE: Record<SlaNoticeKind, (ticket: DueNotice) => MailContent> = {
  first_response_warning: (t) => ({
    subject: `[Helpdesk] First response due soon: [#${t.id}] ${t.subject}`,
    body: `Ticket #${t.id} ${t.subject} has used 80% of its first-response time and has no reply yet.`,
  }),
  first_response_breach: (t) => ({
    subject: `[Helpdesk] First response overdue: [#${t.id}] ${t.subject}`,
    body: `Ticket #${t.id} ${t.subject} has missed its first-response target.`,
  }),
  resolution_warning: (t) => ({
    subject: `[Helpdesk] Resolution due soon: [#${t.id}] ${t.subject}`,
    body: `Ticket #${t.id} ${t.subject} has used 80% of its resolution time.`,
  }),
  resolution_breach: (t) => ({
    subject: `[Helpdesk] Resolution overdue: [#${t.id}] ${t.subject}`,
    body: `Ticket #${t.id} ${t.subject} has missed its resolution target.`,
  }),
};

/**
 * Sends each SLA warning (80% of a target gone) and breach once, through the outbox, to the
 * assignee (the admins while nobody has the ticket). Safe with several instances: a notice is
 * claimed under the ticket's row lock in the transaction that queues its e-mail.
 */
@Injectable()
export class SlaWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SlaWatcher');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly transactions: Transactions,
    private readonly notices: SlaNoticesRepository,
    private readonly tickets: TicketCoreRepository,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxRepository,
    private readonly threading: MailThreading,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping passes are skipped. */
  check(): Promise<void> {
    this.running ??= this.sendDue()
      .catch((error: unknown) => this.logger.error(`SLA check failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendDue(): Promise<void> {
    if (!(await this.settings.get()).sla.enabled) return;
    const now = this.clock.now();
    for (const kind of Object.values(SlaNoticeKind)) {
      for (const ticket of await this.notices.due(kind, now, BATCH_SIZE)) {
        await this.transactions.run(async (manager) => {
          const current = await this.tickets.findOne(ticket.id, manager);
          if (!current || !(await this.notices.claim(manager, ticket.id, kind, now))) return;
          const recipients =
            current.assigneeId === null
              ? await this.users.activeAdminIds(manager)
              : [current.assigneeId];
          const addresses = await this.users.activeEmails(manager, recipients);
          await this.outbox.enqueue(
            manager,
            addresses,
            NOTICE[kind](ticket),
            this.threading.notification(ticket.id),
          );
        });
      }
    }
  }
}
