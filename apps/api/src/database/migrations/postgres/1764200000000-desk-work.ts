import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Desk settings, agents' availability and their automatic-assignment turn, internal notes,
 * and history entries without a person (`actor_id` NULL: the desk itself).
 */
export class DeskWorkPostgres1764200000000 implements MigrationInterface {
  name = 'DeskWorkPostgres1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE desk_settings (
        id integer PRIMARY KEY CHECK (id = 1),
        data text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `INSERT INTO desk_settings (id, data) VALUES (1, '{}')`,
      `ALTER TABLE users ADD COLUMN available boolean NOT NULL DEFAULT true`,
      `ALTER TABLE users ADD COLUMN last_auto_assigned_at timestamptz`,
      `ALTER TABLE comments ADD COLUMN internal boolean NOT NULL DEFAULT false`,
      `ALTER TABLE ticket_history ALTER COLUMN actor_id DROP NOT NULL`,
      `ALTER TABLE ticket_history ADD COLUMN internal boolean NOT NULL DEFAULT false`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE desk_settings`);
    await queryRunner.query(
      `ALTER TABLE users DROP COLUMN available, DROP COLUMN last_auto_assigned_at`,
    );
    await queryRunner.query(`ALTER TABLE comments DROP COLUMN internal`);
    await queryRunner.query(`ALTER TABLE ticket_history DROP COLUMN internal`);
  }
}
