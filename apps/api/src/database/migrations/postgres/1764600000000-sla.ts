import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA clocks on the ticket: due and warning times of both targets, when each was met, and
 * `next_due_at` (the soonest unmet target) for the due sort and filters; and the warnings
 * already sent, one row each, so that several instances send each exactly once.
 */
export class SlaPostgres1764600000000 implements MigrationInterface {
  name = 'SlaPostgres1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE tickets ADD COLUMN first_response_due_at timestamptz`,
      `ALTER TABLE tickets ADD COLUMN first_response_warn_at timestamptz`,
      `ALTER TABLE tickets ADD COLUMN first_responded_at timestamptz`,
      `ALTER TABLE tickets ADD COLUMN resolution_due_at timestamptz`,
      `ALTER TABLE tickets ADD COLUMN resolution_warn_at timestamptz`,
      `ALTER TABLE tickets ADD COLUMN resolved_at timestamptz`,
      `ALTER TABLE tickets ADD COLUMN next_due_at timestamptz`,
      // A desk that existed before SLA: when its tickets were first answered and resolved.
      `UPDATE tickets SET resolved_at = (
        SELECT MIN(h.at) FROM ticket_history h
        WHERE h.ticket_id = tickets.id AND h.action = 'status_changed'
          AND h.to_value IN ('resolved', 'closed')
      ) WHERE status IN ('resolved', 'closed')`,
      `UPDATE tickets SET first_responded_at = (
        SELECT MIN(c.created_at) FROM comments c JOIN users u ON u.id = c.author_id
        WHERE c.ticket_id = tickets.id AND NOT c.internal AND u.role IN ('agent', 'admin')
      )`,
      `CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE resolved_at IS NOT NULL`,
      `CREATE INDEX tickets_next_due ON tickets (next_due_at) WHERE next_due_at IS NOT NULL`,
      `CREATE INDEX tickets_assignee_next_due ON tickets (assignee_id, next_due_at)
        WHERE next_due_at IS NOT NULL`,
      `CREATE INDEX tickets_owner_next_due ON tickets (owner_id, next_due_at)
        WHERE next_due_at IS NOT NULL`,
      `CREATE INDEX tickets_first_response_warn ON tickets (first_response_warn_at)
        WHERE first_responded_at IS NULL`,
      `CREATE INDEX tickets_resolution_warn ON tickets (resolution_warn_at)
        WHERE resolved_at IS NULL`,
      `CREATE TABLE sla_notices (
        id serial PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        kind varchar(30) NOT NULL,
        sent_at timestamptz NOT NULL,
        UNIQUE (ticket_id, kind)
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sla_notices`);
    for (const index of [
      'tickets_resolved',
      'tickets_next_due',
      'tickets_assignee_next_due',
      'tickets_owner_next_due',
      'tickets_first_response_warn',
      'tickets_resolution_warn',
    ]) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    for (const column of [
      'first_response_due_at',
      'first_response_warn_at',
      'first_responded_at',
      'resolution_due_at',
      'resolution_warn_at',
      'resolved_at',
      'next_due_at',
    ]) {
      await queryRunner.query(`ALTER TABLE tickets DROP COLUMN ${column}`);
    }
  }
}
