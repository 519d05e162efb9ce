import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

/**
 * Desk settings, agents' availability and their automatic-assignment turn, internal notes,
 * and history entries without a person (`actor_id` NULL: the desk itself). SQLite cannot
 * relax a NOT NULL column in place, so the history table is rebuilt.
 */
export class DeskWork1764200000000 implements MigrationInterface {
  name = 'DeskWork1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE desk_settings (
        id integer PRIMARY KEY NOT NULL CHECK (id = 1),
        data text NOT NULL,
        updated_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `INSERT INTO desk_settings (id, data) VALUES (1, '{}')`,
      `ALTER TABLE users ADD COLUMN available boolean NOT NULL DEFAULT 1`,
      `ALTER TABLE users ADD COLUMN last_auto_assigned_at datetime`,
      `ALTER TABLE comments ADD COLUMN internal boolean NOT NULL DEFAULT 0`,
      `CREATE TABLE ticket_history_new (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        actor_id integer REFERENCES users (id),
        action varchar(20) NOT NULL,
        from_value varchar(300),
        to_value varchar(300),
        internal boolean NOT NULL DEFAULT 0,
        at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `INSERT INTO ticket_history_new (id, ticket_id, actor_id, action, from_value, to_value, at)
        SELECT id, ticket_id, actor_id, action, from_value, to_value, at FROM ticket_history`,
      `DROP TABLE ticket_history`,
      `ALTER TABLE ticket_history_new RENAME TO ticket_history`,
      `CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id)`,
      `CREATE INDEX ticket_history_action_at ON ticket_history (action, at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE desk_settings`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN available`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN last_auto_assigned_at`);
    await queryRunner.query(`ALTER TABLE comments DROP COLUMN internal`);
    await queryRunner.query(`ALTER TABLE ticket_history DROP COLUMN internal`);
  }
}
