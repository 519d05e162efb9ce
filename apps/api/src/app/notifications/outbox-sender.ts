import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { MailDelivery } from './mail-delivery';
import { OutboxRepository } from './outbox.repository';

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
    private readonly outbox: OutboxRepository,
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
    for (const message of await this.outbox.claimDue(BATCH_SIZE, CLAIM_MS)) {
      try {
        await this.delivery.deliver(message);
        await this.outbox.markSent(message.id);
      } catch (error) {
        const attempts = message.attempts + 1;
        this.logger.warn(
          `Mail ${message.id} to ${message.to} failed (attempt ${attempts}): ${String(error)}`,
        );
        const retryAt = new Date(Date.now() + retryDelayMs(attempts));
        await this.outbox.markFailed(message.id, attempts, String(error), retryAt);
      }
    }
  }
}
