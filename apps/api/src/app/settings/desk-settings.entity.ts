import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The desk's one row of settings (id 1), kept as JSON and merged over the defaults. */
@Entity('desk_settings')
export class DeskSettingsEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'simple-json' })
  data!: object;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
