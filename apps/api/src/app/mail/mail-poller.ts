import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LeaseLostError, MailIntake } from './mail-intake';
import { MailRepository } from './mail.repository';
import { withMailbox } from './mailbox-client';

/** Messages read per poll; the rest wait for the next one. */
const BATCH_SIZE = 50;
/** A message that fails this often is set aside as rejected instead of blocking the mailbox. */
const MAX_ATTEMPTS = 3;
const MAX_BACKOFF_MS = 15 * 60 * 1000;

export interface PollResult {
  /** False when another instance holds the mailbox lease. */
  polled: boolean;
  /** Messages this poll turned into something (not those done before). */
  done: number;
  error: string | null;
}

/**
 * Reads the mailbox every MAIL_POLL_SECONDS. One instance polls at a time: it holds a lease
 * row in the database while it polls, renewed with every message; an instance that dies
 * mid-poll leaves the lease to expire, and then another takes it over.
 * A mailbox that cannot be reached is recorded in the status and retried with backoff.
 */
@Injectable()
export class MailPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly owner = randomUUID();
  private readonly attempts = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<PollResult>;
  private failures = 0;
  private doneInPoll = 0;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailRepository,
    private readonly intake: MailIntake,
  ) {}

  private get intervalMs(): number {
    return this.config.mailPollSeconds * 1000;
  }

  /** A lease outlives a few polls, so a live instance keeps it and a dead one loses it soon. */
  private get leaseMs(): number {
    return Math.max(60_000, 3 * this.intervalMs);
  }

  onApplicationBootstrap(): void {
    if (this.config.imapUrl) this.schedule(this.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Polls now (tests, and the timer); a poll already under way is joined, not doubled. */
  pollNow(): Promise<PollResult> {
    this.running ??= this.poll().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.pollNow().then(({ error }) => {
        this.failures = error ? this.failures + 1 : 0;
        this.schedule(
          error ? Math.min(this.intervalMs * 2 ** this.failures, MAX_BACKOFF_MS) : this.intervalMs,
        );
      });
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<PollResult> {
    const url = this.config.imapUrl;
    if (!url) return { polled: false, done: 0, error: null };
    const now = new Date();
    this.doneInPoll = 0;
    if (!(await this.mail.takeLease(this.owner, now, this.leaseUntil()).catch(() => false))) {
      return { polled: false, done: 0, error: null };
    }
    try {
      const done = await withMailbox(url, async (mailbox) => {
        const state = await this.mail.state();
        const lastUid = state.uidValidity === mailbox.uidValidity ? state.lastUid : 0;
        for (const uid of await mailbox.uidsAfter(lastUid, BATCH_SIZE)) {
          if (this.stopped) break;
          const source = (await mailbox.source(uid)) ?? Buffer.alloc(0);
          if (await this.receive(source, mailbox.uidValidity, uid)) this.doneInPoll += 1;
        }
        return this.doneInPoll;
      });
      await this.mail.notePoll(now, null);
      return { polled: true, done, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Reading the mailbox failed: ${message}`);
      await this.mail.notePoll(now, message).catch(() => undefined);
      return { polled: true, done: this.doneInPoll, error: message };
    } finally {
      // Between polls the lease is free, so any instance may take the next one.
      await this.mail.releaseLease(this.owner).catch(() => undefined);
    }
  }

  private async receive(source: Buffer, uidValidity: number, uid: number): Promise<boolean> {
    const place = { owner: this.owner, uidValidity, uid, leaseUntil: this.leaseUntil() };
    const key = `${uidValidity}.${uid}`;
    try {
      const done = await this.intake.receive(source, place);
      this.attempts.delete(key);
      return done;
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      const attempts = (this.attempts.get(key) ?? 0) + 1;
      this.attempts.set(key, attempts);
      if (attempts < MAX_ATTEMPTS) throw error;
      this.attempts.delete(key);
      this.logger.error(`Message ${key} set aside after ${attempts} failures: ${String(error)}`);
      await this.intake.setAside(source, place, String(error));
      return false;
    }
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + this.leaseMs);
  }
}
