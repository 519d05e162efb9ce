import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A warning or breach notice already sent for a ticket (unique per ticket and kind). */
@Entity('sla_notices')
export class SlaNoticeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId!: number;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ name: 'sent_at' })
  sentAt!: Date;
}
