import { Priority, TicketStatus } from '@helpdesk/shared/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('tickets')
export class TicketEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: TicketStatus;

  @Column({ type: 'varchar', length: 10 })
  priority!: Priority;

  /** `priorityRank(priority)`, kept so lists sort by urgency through an index. */
  @Column({ name: 'priority_rank', type: 'smallint' })
  priorityRank!: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column({ name: 'assignee_id', type: 'integer', nullable: true })
  assigneeId!: number | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity | null;

  @Column({ name: 'rating_stars', type: 'smallint', nullable: true })
  ratingStars!: number | null;

  @Column({ name: 'rating_feedback', type: 'text', nullable: true })
  ratingFeedback!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
