import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('comments')
export class CommentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId!: number;

  @Column({ name: 'author_id', type: 'integer' })
  authorId!: number;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body!: string;

  /** An internal note: agents and admins only; the owner never learns of it. */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
