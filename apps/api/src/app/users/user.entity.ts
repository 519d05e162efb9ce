import { Role } from '@helpdesk/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Stored lower-cased, so the unique index compares case-insensitively. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: Role;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** An agent who is away is skipped by automatic assignment. */
  @Column({ type: 'boolean', default: true })
  available!: boolean;

  /** When the desk last gave this agent a ticket: whose turn it is next. */
  @Column({ name: 'last_auto_assigned_at', type: Date, nullable: true })
  lastAutoAssignedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
