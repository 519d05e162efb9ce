import type { Actor, MailStatus, RejectedMailPage, Ticket } from '@helpdesk/shared/domain';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { toIsoTimestamp } from '../../database/db-time';
import { Transactions } from '../../database/transactions';
import { type PageQueryDto, pageOffset } from '../../common/page-query.dto';
import { TicketsService } from '../tickets/tickets.service';
import { MailAttachments } from './mail-attachments';
import { MailIntake } from './mail-intake';
import { MailOutcome } from './mail-message.entity';
import { MailRepository } from './mail.repository';

const NOT_FOUND = 'No rejected message with this id';

/** What an admin sees of the mailbox, and their decisions on the messages it refused. */
@Injectable()
export class MailService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly mail: MailRepository,
    private readonly intake: MailIntake,
    private readonly files: MailAttachments,
    private readonly tickets: TicketsService,
  ) {}

  async status(): Promise<MailStatus> {
    const [state, counts] = await Promise.all([this.mail.state(), this.mail.counts()]);
    return {
      configured: this.config.imapUrl !== null,
      lastPollAt: state.lastPollAt && toIsoTimestamp(state.lastPollAt),
      lastError: state.lastError,
      ...counts,
    };
  }

  async rejected(query: PageQueryDto): Promise<RejectedMailPage> {
    const [rows, total] = await this.mail.listRejected(pageOffset(query), query.pageSize);
    return {
      items: rows.map((row) => ({
        id: row.id,
        from: row.fromAddress,
        subject: row.subject,
        reason: row.reason ?? '',
        receivedAt: toIsoTimestamp(row.receivedAt),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The message becomes a ticket of its sender after all; nobody is answered by mail. */
  async makeTicket(actor: Actor, id: number): Promise<Ticket> {
    const ticketId = await this.transactions.run(async (manager) => {
      const message = await this.mail.findRejected(manager, id);
      if (!message) throw new NotFoundException(NOT_FOUND);
      if (!message.raw || !message.fromAddress) {
        throw new ConflictException('This message cannot be read, so it cannot become a ticket');
      }
      const made = await this.intake.ticketFromSource(
        manager,
        Buffer.from(message.raw, 'base64'),
        message.messageId,
      );
      try {
        await this.mail.decide(manager, id, MailOutcome.Ticket, made.ticketId);
      } catch (error) {
        await this.files.discard(made.files);
        throw error;
      }
      return made.ticketId;
    });
    return this.tickets.get(actor, ticketId);
  }

  async discard(id: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (!(await this.mail.findRejected(manager, id))) throw new NotFoundException(NOT_FOUND);
      await this.mail.decide(manager, id, MailOutcome.Discarded, null);
    });
  }
}
