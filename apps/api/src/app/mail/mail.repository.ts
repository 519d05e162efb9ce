import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { rowLock } from '../../database/engine';
import { MailMessageEntity, MailOutcome } from './mail-message.entity';
import { MailboxStateEntity } from './mailbox-state.entity';

const MAILBOX = 1;

export type NewMailMessage = Omit<MailMessageEntity, 'id'>;

/** The messages read from the mailbox and the mailbox's watermark and polling lease. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isKnown(manager: EntityManager, messageId: string): Promise<boolean> {
    return (await manager.countBy(MailMessageEntity, { messageId })) > 0;
  }

  /** The ticket of a message we read earlier among these Message-IDs, else null. */
  async ticketOfMessages(manager: EntityManager, messageIds: readonly string[]) {
    if (messageIds.length === 0) return null;
    const found = await manager.findOne(MailMessageEntity, {
      where: { messageId: In([...messageIds]), ticketId: Not(IsNull()) },
      order: { id: 'DESC' },
    });
    return found?.ticketId ?? null;
  }

  /** Tickets a sender opened by mail since `since`. */
  ticketsOpenedSince(manager: EntityManager, fromAddress: string, since: Date): Promise<number> {
    return manager.countBy(MailMessageEntity, {
      fromAddress,
      outcome: MailOutcome.Ticket,
      receivedAt: MoreThan(since),
    });
  }

  async record(manager: EntityManager, message: NewMailMessage): Promise<void> {
    await manager.insert(MailMessageEntity, message);
  }

  /**
   * Moves the watermark past `uid`, in the transaction that acted on the message, and extends
   * the lease; false when `owner` no longer holds the lease (the transaction must roll back).
   */
  async advance(
    manager: EntityManager,
    owner: string,
    mailbox: { uidValidity: number; uid: number },
    leaseUntil: Date,
  ): Promise<boolean> {
    const result = await manager.update(
      MailboxStateEntity,
      { id: MAILBOX, leaseOwner: owner },
      { uidValidity: mailbox.uidValidity, lastUid: mailbox.uid, leaseUntil },
    );
    return result.affected === 1;
  }

  /** Takes (or renews) the polling lease unless another instance holds an unexpired one. */
  async takeLease(owner: string, now: Date, until: Date): Promise<boolean> {
    // Read first: a held lease is seen without writing, so waiting instances never contend
    // for the write lock with the one at work (on SQLite a write would wait for its commit).
    const { leaseOwner, leaseUntil } = await this.state();
    if (leaseOwner && leaseOwner !== owner && leaseUntil && leaseUntil > now) return false;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MailboxStateEntity)
      .set({ leaseOwner: owner, leaseUntil: until })
      .where('id = :id', { id: MAILBOX })
      .andWhere(
        '(lease_owner IS NULL OR lease_owner = :owner OR lease_until IS NULL OR lease_until < :now)',
        { owner, now },
      )
      .execute();
    return result.affected === 1;
  }

  async releaseLease(owner: string): Promise<void> {
    await this.dataSource.manager.update(
      MailboxStateEntity,
      { id: MAILBOX, leaseOwner: owner },
      { leaseOwner: null, leaseUntil: null },
    );
  }

  state(): Promise<MailboxStateEntity> {
    return this.dataSource.manager.findOneByOrFail(MailboxStateEntity, { id: MAILBOX });
  }

  /** How the last poll went: `error` null when it succeeded. */
  async notePoll(at: Date, error: string | null): Promise<void> {
    await this.dataSource.manager.update(
      MailboxStateEntity,
      { id: MAILBOX },
      { lastPollAt: at, lastError: error?.slice(0, 1000) ?? null },
    );
  }

  async counts(): Promise<{ processed: number; rejected: number }> {
    const repository = this.dataSource.getRepository(MailMessageEntity);
    const [processed, rejected] = await Promise.all([
      repository.countBy({ outcome: In([MailOutcome.Ticket, MailOutcome.Comment]) }),
      repository.countBy({ outcome: MailOutcome.Rejected }),
    ]);
    return { processed, rejected };
  }

  /** The rejected messages waiting for an admin, newest first. */
  listRejected(offset: number, limit: number): Promise<[MailMessageEntity[], number]> {
    return this.dataSource.getRepository(MailMessageEntity).findAndCount({
      select: { id: true, fromAddress: true, subject: true, reason: true, receivedAt: true },
      where: { outcome: MailOutcome.Rejected },
      order: { id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  /** A rejected message, locked until the admin's decision commits. */
  findRejected(manager: EntityManager, id: number): Promise<MailMessageEntity | null> {
    return manager.findOne(MailMessageEntity, {
      where: { id, outcome: MailOutcome.Rejected },
      ...(rowLock(manager) && { lock: rowLock(manager) }),
    });
  }

  /** An admin decided: the source is no longer needed. */
  async decide(
    manager: EntityManager,
    id: number,
    outcome: MailOutcome,
    ticketId: number | null,
  ): Promise<void> {
    await manager.update(MailMessageEntity, { id }, { outcome, ticketId, raw: null });
  }
}
