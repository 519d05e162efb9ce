import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL hands bigint back as a string. */
const bigintNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * The mailbox's one row (id 1): how far it has been read (UIDVALIDITY and the last UID done),
 * which instance holds the polling lease until when, and how the last poll went.
 */
@Entity('mail_mailbox')
export class MailboxStateEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'uid_validity', type: 'bigint', nullable: true, transformer: bigintNumber })
  uidValidity!: number | null;

  @Column({ name: 'last_uid', type: 'bigint', transformer: bigintNumber })
  lastUid!: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: Date, nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_poll_at', type: Date, nullable: true })
  lastPollAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
