import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { engineOf } from '../../database/engine';
import { Transactions } from '../../database/transactions';
import type { MailHeaders } from './mail-threading';
import type { MailContent } from './notification-messages';
import { OutboxMessageEntity } from './outbox-message.entity';

/** The e-mail outbox: filled inside the changes it reports, drained by the sender. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly transactions: Transactions) {}

  async enqueue(
    manager: EntityManager,
    to: readonly string[],
    content: MailContent,
    headers: MailHeaders | null = null,
  ): Promise<void> {
    if (to.length === 0) return;
    const now = new Date();
    await manager.insert(
      OutboxMessageEntity,
      to.map((address) => ({
        to: address,
        ...content,
        headers,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
  }

  /** Due messages, each claimed by this instance for `claimMs`. */
  claimDue(limit: number, claimMs: number): Promise<OutboxMessageEntity[]> {
    return this.transactions.run(async (manager) => {
      const now = new Date();
      const due = manager
        .createQueryBuilder(OutboxMessageEntity, 'm')
        .where('m.sent_at IS NULL AND m.next_attempt_at <= :now', { now })
        .andWhere('(m.claimed_until IS NULL OR m.claimed_until < :now)', { now })
        .orderBy('m.id', 'ASC')
        .limit(limit);
      if (engineOf(manager) === 'postgres') {
        // Instances claim disjoint batches: rows another sender is claiming are skipped.
        due.setLock('pessimistic_write').setOnLocked('skip_locked');
      }
      const messages = await due.getMany();
      if (messages.length > 0) {
        await manager.update(
          OutboxMessageEntity,
          { id: In(messages.map((m) => m.id)) },
          { claimedUntil: new Date(now.getTime() + claimMs) },
        );
      }
      return messages;
    });
  }

  async markSent(id: number): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(OutboxMessageEntity, { id }, { sentAt: new Date(), claimedUntil: null }),
    );
  }

  async markFailed(id: number, attempts: number, error: string, retryAt: Date): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(
        OutboxMessageEntity,
        { id },
        { attempts, lastError: error.slice(0, 1000), nextAttemptAt: retryAt, claimedUntil: null },
      ),
    );
  }
}
