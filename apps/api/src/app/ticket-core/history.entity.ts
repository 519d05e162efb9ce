import { HistoryAction } from '@helpdesk/shared/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('ticket_history')
export class HistoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId!: number;

  @Column({ name: 'actor_id', type: 'integer' })
  actorId!: number;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  action!: HistoryAction;

  @Column({ name: 'from_value', type: 'varchar', length: 300, nullable: true })
  from!: string | null;

  @Column({ name: 'to_value', type: 'varchar', length: 300, nullable: true })
  to!: string | null;

  @Column({ name: 'at' })
  at!: Date;
}
