import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reply an agent keeps to insert into comments, with placeholders filled at insertion. */
@Entity('canned_replies')
export class CannedReplyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_by', type: 'integer' })
  createdById!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
