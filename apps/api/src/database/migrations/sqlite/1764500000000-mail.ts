import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

/**
 * Inbound mail: every message read from the mailbox (once, by its Message-ID), the mailbox's
 * UID watermark and the lease of the instance that polls it; threading headers on the outbox.
 */
export class Mail1764500000000 implements MigrationInterface {
  name = 'Mail1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE mail_messages (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        message_id varchar(500) NOT NULL UNIQUE,
        from_address varchar(254) NOT NULL,
        subject varchar(300) NOT NULL,
        outcome varchar(20) NOT NULL,
        reason varchar(300),
        ticket_id integer REFERENCES tickets (id),
        raw text,
        received_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX mail_messages_sender ON mail_messages (from_address, outcome, received_at)`,
      `CREATE INDEX mail_messages_outcome ON mail_messages (outcome, id)`,
      `CREATE TABLE mail_mailbox (
        id integer PRIMARY KEY NOT NULL CHECK (id = 1),
        uid_validity bigint,
        last_uid bigint NOT NULL DEFAULT 0,
        lease_owner varchar(64),
        lease_until datetime,
        last_poll_at datetime,
        last_error text
      )`,
      `INSERT INTO mail_mailbox (id) VALUES (1)`,
      `ALTER TABLE mail_outbox ADD COLUMN headers text`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mail_outbox DROP COLUMN headers`);
    await queryRunner.query(`DROP TABLE mail_mailbox`);
    await queryRunner.query(`DROP TABLE mail_messages`);
  }
}
