import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Canned replies agents insert into comments, and single-use password reset tokens (hashed). */
export class CannedRepliesAndPasswordResetPostgres1764300000000 implements MigrationInterface {
  name = 'CannedRepliesAndPasswordResetPostgres1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE canned_replies (
        id serial PRIMARY KEY,
        title varchar(100) NOT NULL,
        body text NOT NULL,
        created_by integer NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE password_reset_tokens (
        token_hash varchar(64) PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`,
      `CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id)`,
      `CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_reset_tokens, canned_replies`);
  }
}
