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

  @Column({ name: 'first_response_due_at', type: Date, nullable: true })
  firstResponseDueAt!: Date | null;

  @Column({ name: 'first_response_warn_at', type: Date, nullable: true })
  firstResponseWarnAt!: Date | null;

  @Column({ name: 'first_responded_at', type: Date, nullable: true })
  firstRespondedAt!: Date | null;

  @Column({ name: 'resolution_due_at', type: Date, nullable: true })
  resolutionDueAt!: Date | null;

  @Column({ name: 'resolution_warn_at', type: Date, nullable: true })
  resolutionWarnAt!: Date | null;

  @Column({ name: 'resolved_at', type: Date, nullable: true })
  resolvedAt!: Date | null;

  /** The soonest target not yet met: what the `due` sort and the SLA filters read. */
  @Column({ name: 'next_due_at', type: Date, nullable: true })
  nextDueAt!: Date | null;

  /** Lower case and sorted, stored as a JSON list; the search index holds one token per tag. */
  @Column({ type: 'simple-json', default: '[]' })
  tags!: string[];

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
