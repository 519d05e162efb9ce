import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MailHeaders } from './mail-threading';

/** An e-mail waiting to go out; written in the transaction of the change it reports. */
@Entity('mail_outbox')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  to!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Message-ID, threading and Reply-To of a message about a ticket. */
  @Column({ type: 'simple-json', nullable: true })
  headers!: MailHeaders | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** While set and in the future, one sender owns the message. */
  @Column({ name: 'claimed_until', type: Date, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
