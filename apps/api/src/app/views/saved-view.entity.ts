import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person's own saved list: a name and the list's query string. */
@Entity('saved_views')
export class SavedViewEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @Column({ type: 'varchar', length: 1000 })
  query!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
