import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { In } from 'typeorm';
import { engineOf } from '../../database/engine';
import { Transactions } from '../../database/transactions';
import { MailDelivery } from './mail-delivery';
import { OutboxMessageEntity } from './outbox-message.entity';

const POLL_INTERVAL_MS = 1000;
const BATCH_SIZE = 20;
/** A claim lasts this long; a sender that dies mid-send is retried after it. */
const CLAIM_MS = 60_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export function retryDelayMs(attempts: number): number {
  return Math.min(5000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Delivers the outbox in the background, so a slow or failing mail server never touches a
 * request. Messages are claimed before sending and retried with backoff until they go out.
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly transactions: Transactions,
    private readonly delivery: MailDelivery,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the due messages; overlapping ticks are skipped. */
  tick(): Promise<void> {
    this.running ??= this.sendDue()
      .catch((error: unknown) => this.logger.error(`Outbox pass failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendDue(): Promise<void> {
    for (const message of await this.claimDue()) {
      try {
        await this.delivery.deliver(message);
        await this.transactions.run((manager) =>
          manager.update(
            OutboxMessageEntity,
            { id: message.id },
            { sentAt: new Date(), claimedUntil: null },
          ),
        );
      } catch (error) {
        const attempts = message.attempts + 1;
        this.logger.warn(
          `Mail ${message.id} to ${message.to} failed (attempt ${attempts}): ${String(error)}`,
        );
        await this.transactions.run((manager) =>
          manager.update(
            OutboxMessageEntity,
            { id: message.id },
            {
              attempts,
              lastError: String(error).slice(0, 1000),
              nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
              claimedUntil: null,
            },
          ),
        );
      }
    }
  }

  private claimDue(): Promise<OutboxMessageEntity[]> {
    return this.transactions.run(async (manager) => {
      const now = new Date();
      const due = await manager
        .createQueryBuilder(OutboxMessageEntity, 'm')
        .where('m.sent_at IS NULL AND m.next_attempt_at <= :now', { now })
        .andWhere('(m.claimed_until IS NULL OR m.claimed_until < :now)', { now })
        .orderBy('m.id', 'ASC')
        .limit(BATCH_SIZE);
      if (engineOf(manager) === 'postgres') {
        // Instances claim disjoint batches: rows another sender is claiming are skipped.
        due.setLock('pessimistic_write').setOnLocked('skip_locked');
      }
      const messages = await due.getMany();
      if (messages.length > 0) {
        await manager.update(
          OutboxMessageEntity,
          { id: In(messages.map((m) => m.id)) },
          { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
        );
      }
      return messages;
    });
  }
}
