import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

/**
 * The words a ticket is found by, and the scope tokens that keep a search inside one list.
 * Accents are kept (`café` is not `cafe`), as in the PostgreSQL search, so both engines find
 * the same tickets.
 */
const FTS_ROW = `
  new.id, new.subject, new.description,
  'o' || new.owner_id || ' a' || coalesce(new.assignee_id, 'none') ||
  ' s' || replace(new.status, '_', '') || ' p' || new.priority`;

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE users (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        name varchar(100) NOT NULL,
        email varchar(254) NOT NULL UNIQUE,
        password_hash varchar(200) NOT NULL,
        role varchar(10) NOT NULL CHECK (role IN ('user', 'agent', 'admin')),
        active boolean NOT NULL DEFAULT 1,
        created_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX users_role_active ON users (role, active)`,
      `CREATE TABLE sessions (
        token_hash varchar(64) PRIMARY KEY NOT NULL,
        user_id integer NOT NULL REFERENCES users (id),
        csrf_token varchar(64) NOT NULL,
        created_at datetime NOT NULL DEFAULT ${NOW},
        expires_at datetime NOT NULL
      )`,
      `CREATE INDEX sessions_user ON sessions (user_id)`,
      `CREATE INDEX sessions_expires ON sessions (expires_at)`,
      `CREATE TABLE login_failures (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        throttle_key varchar(300) NOT NULL,
        at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX login_failures_key_at ON login_failures (throttle_key, at)`,
      `CREATE TABLE tickets (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        subject varchar(200) NOT NULL,
        description text NOT NULL,
        status varchar(20) NOT NULL
          CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
        priority varchar(10) NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
        priority_rank smallint NOT NULL,
        owner_id integer NOT NULL REFERENCES users (id),
        assignee_id integer REFERENCES users (id),
        rating_stars smallint CHECK (rating_stars BETWEEN 1 AND 5),
        rating_feedback text,
        created_at datetime NOT NULL DEFAULT ${NOW},
        updated_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX tickets_owner_updated ON tickets (owner_id, updated_at)`,
      `CREATE INDEX tickets_assignee_status_updated ON tickets (assignee_id, status, updated_at)`,
      `CREATE INDEX tickets_assignee_updated ON tickets (assignee_id, updated_at)`,
      `CREATE INDEX tickets_status_updated ON tickets (status, updated_at)`,
      `CREATE INDEX tickets_updated ON tickets (updated_at)`,
      `CREATE INDEX tickets_created ON tickets (created_at)`,
      `CREATE INDEX tickets_priority_updated ON tickets (priority_rank, updated_at)`,
      `CREATE VIRTUAL TABLE tickets_fts USING fts5(
        subject, description, scope,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      )`,
      `CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
        INSERT INTO tickets_fts (rowid, subject, description, scope) VALUES (${FTS_ROW});
      END`,
      `CREATE TRIGGER tickets_fts_update
        AFTER UPDATE OF subject, description, status, priority, owner_id, assignee_id ON tickets
      BEGIN
        DELETE FROM tickets_fts WHERE rowid = old.id;
        INSERT INTO tickets_fts (rowid, subject, description, scope) VALUES (${FTS_ROW});
      END`,
      `CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
        DELETE FROM tickets_fts WHERE rowid = old.id;
      END`,
      `CREATE TABLE comments (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        author_id integer NOT NULL REFERENCES users (id),
        body text NOT NULL,
        created_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX comments_ticket_created ON comments (ticket_id, created_at)`,
      `CREATE TABLE ticket_history (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        actor_id integer NOT NULL REFERENCES users (id),
        action varchar(20) NOT NULL,
        from_value varchar(300),
        to_value varchar(300),
        at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id)`,
      `CREATE INDEX ticket_history_action_at ON ticket_history (action, at)`,
      `CREATE TABLE attachments (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        uploaded_by integer NOT NULL REFERENCES users (id),
        filename varchar(255) NOT NULL,
        storage_key varchar(100) NOT NULL UNIQUE,
        size integer NOT NULL,
        content_type varchar(100) NOT NULL,
        created_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX attachments_ticket ON attachments (ticket_id, id)`,
      `CREATE TABLE mail_outbox (
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        to_address varchar(254) NOT NULL,
        subject varchar(300) NOT NULL,
        body text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at datetime NOT NULL DEFAULT ${NOW},
        claimed_until datetime,
        sent_at datetime,
        last_error text,
        created_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'mail_outbox',
      'attachments',
      'ticket_history',
      'comments',
      'tickets_fts',
      'tickets',
      'login_failures',
      'sessions',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
