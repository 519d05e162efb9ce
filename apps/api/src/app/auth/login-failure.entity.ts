import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One failed sign-in, counted per account (`email:`) and per client (`ip:`). */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'throttle_key', type: 'varchar', length: 300 })
  throttleKey!: string;

  @Column({ name: 'at' })
  at!: Date;
}
