import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

/** Canned replies agents insert into comments, and single-use password reset tokens (hashed). */
export class CannedRepliesAndPasswordReset1764300000000 implements MigrationInterface {
  name = 'CannedRepliesAndPasswordReset1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE canned_replies (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        title varchar(100) NOT NULL,
        body text NOT NULL,
        created_by integer NOT NULL REFERENCES users (id),
        created_at datetime NOT NULL DEFAULT ${NOW},
        updated_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE TABLE password_reset_tokens (
        token_hash varchar(64) PRIMARY KEY NOT NULL,
        user_id integer NOT NULL REFERENCES users (id),
        created_at datetime NOT NULL DEFAULT ${NOW},
        expires_at datetime NOT NULL,
        used_at datetime
      )`,
      `CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id)`,
      `CREATE INDEX password_reset_tokens_expires ON password_reset_tokens (expires_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_reset_tokens`);
    await queryRunner.query(`DROP TABLE canned_replies`);
  }
}
