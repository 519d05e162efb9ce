import { HistoryAction } from '@helpdesk/shared/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('ticket_history')
export class HistoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId!: number;

  /** `null`: the desk itself (automatic actions). */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  action!: HistoryAction;

  @Column({ name: 'from_value', type: 'varchar', length: 300, nullable: true })
  from!: string | null;

  @Column({ name: 'to_value', type: 'varchar', length: 300, nullable: true })
  to!: string | null;

  /** The entry of an internal note: agents and admins only. */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ name: 'at' })
  at!: Date;
}
