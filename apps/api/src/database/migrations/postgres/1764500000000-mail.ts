import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound mail: every message read from the mailbox (once, by its Message-ID), the mailbox's
 * UID watermark and the lease of the instance that polls it; threading headers on the outbox.
 */
export class MailPostgres1764500000000 implements MigrationInterface {
  name = 'MailPostgres1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE mail_messages (
        id serial PRIMARY KEY,
        message_id varchar(500) NOT NULL UNIQUE,
        from_address varchar(254) NOT NULL,
        subject varchar(300) NOT NULL,
        outcome varchar(20) NOT NULL,
        reason varchar(300),
        ticket_id integer REFERENCES tickets (id),
        raw text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX mail_messages_sender ON mail_messages (from_address, outcome, received_at)`,
      `CREATE INDEX mail_messages_outcome ON mail_messages (outcome, id)`,
      `CREATE TABLE mail_mailbox (
        id integer PRIMARY KEY CHECK (id = 1),
        uid_validity bigint,
        last_uid bigint NOT NULL DEFAULT 0,
        lease_owner varchar(64),
        lease_until timestamptz,
        last_poll_at timestamptz,
        last_error text
      )`,
      `INSERT INTO mail_mailbox (id) VALUES (1)`,
      `ALTER TABLE mail_outbox ADD COLUMN headers text`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mail_outbox DROP COLUMN headers`);
    await queryRunner.query(`DROP TABLE mail_mailbox, mail_messages`);
  }
}
