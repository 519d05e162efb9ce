import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A password reset link sent by e-mail. The link holds a random token; only its hash is stored. */
@Entity('password_reset_tokens')
export class PasswordResetTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'expires_at' })
  expiresAt!: Date;

  /** Set once the token has been used; a used token never works again. */
  @Column({ name: 'used_at', type: Date, nullable: true })
  usedAt!: Date | null;
}
