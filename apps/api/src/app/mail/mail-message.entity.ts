import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What became of a message read from the mailbox. */
export const MailOutcome = {
  Ticket: 'ticket',
  Comment: 'comment',
  /** Not turned into anything; waits for an admin (`reason` says why). */
  Rejected: 'rejected',
  /** Rejected, then thrown away by an admin; kept so the message is never read again. */
  Discarded: 'discarded',
} as const;
export type MailOutcome = (typeof MailOutcome)[keyof typeof MailOutcome];

/** One message read from the mailbox, recorded in the transaction that acted on it. */
@Entity('mail_messages')
export class MailMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The message's Message-ID (or one made from the mailbox UID when it has none): read once. */
  @Column({ name: 'message_id', type: 'varchar', length: 500 })
  messageId!: string;

  @Column({ name: 'from_address', type: 'varchar', length: 254 })
  fromAddress!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'varchar', length: 20 })
  outcome!: MailOutcome;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason!: string | null;

  @Column({ name: 'ticket_id', type: 'integer', nullable: true })
  ticketId!: number | null;

  /** The source of a rejected message (base64), so an admin can still make a ticket of it. */
  @Column({ type: 'text', nullable: true })
  raw!: string | null;

  @Column({ name: 'received_at' })
  receivedAt!: Date;
}
