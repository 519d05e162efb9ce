import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subject and description (weight A) and the scope tokens (weight D) in one tsvector, so a
 * search is scoped inside the GIN index like the SQLite FTS5 table. Text is split on
 * non-alphanumerics first, as SQLite's unicode61 tokenizer does, so both engines find the same.
 */
const SEARCH_VECTOR = `
  setweight(to_tsvector('simple'::regconfig,
    regexp_replace(subject || ' ' || description, '[^[:alnum:]]+', ' ', 'g')), 'A') ||
  setweight(to_tsvector('simple'::regconfig,
    'o' || owner_id || ' a' || coalesce(assignee_id::text, 'none') ||
    ' s' || replace(status, '_', '') || ' p' || priority), 'D')`;

export class InitialSchemaPostgres1764000000000 implements MigrationInterface {
  name = 'InitialSchemaPostgres1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE users (
        id serial PRIMARY KEY,
        name varchar(100) NOT NULL,
        email varchar(254) NOT NULL UNIQUE,
        password_hash varchar(200) NOT NULL,
        role varchar(10) NOT NULL CHECK (role IN ('user', 'agent', 'admin')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX users_role_active ON users (role, active)`,
      `CREATE TABLE sessions (
        token_hash varchar(64) PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id),
        csrf_token varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX sessions_user ON sessions (user_id)`,
      `CREATE INDEX sessions_expires ON sessions (expires_at)`,
      `CREATE TABLE login_failures (
        id serial PRIMARY KEY,
        throttle_key varchar(300) NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX login_failures_key_at ON login_failures (throttle_key, at)`,
      `CREATE TABLE tickets (
        id serial PRIMARY KEY,
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
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (${SEARCH_VECTOR}) STORED
      )`,
      `CREATE INDEX tickets_owner_updated ON tickets (owner_id, updated_at)`,
      `CREATE INDEX tickets_assignee_status_updated ON tickets (assignee_id, status, updated_at)`,
      `CREATE INDEX tickets_assignee_updated ON tickets (assignee_id, updated_at)`,
      `CREATE INDEX tickets_status_updated ON tickets (status, updated_at)`,
      `CREATE INDEX tickets_updated ON tickets (updated_at)`,
      `CREATE INDEX tickets_created ON tickets (created_at)`,
      `CREATE INDEX tickets_priority_updated ON tickets (priority_rank, updated_at)`,
      `CREATE INDEX tickets_search ON tickets USING gin (search_vector)`,
      `CREATE TABLE comments (
        id serial PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        author_id integer NOT NULL REFERENCES users (id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX comments_ticket_created ON comments (ticket_id, created_at)`,
      `CREATE TABLE ticket_history (
        id serial PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        actor_id integer NOT NULL REFERENCES users (id),
        action varchar(20) NOT NULL,
        from_value varchar(300),
        to_value varchar(300),
        at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id)`,
      `CREATE INDEX ticket_history_action_at ON ticket_history (action, at)`,
      `CREATE TABLE attachments (
        id serial PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        uploaded_by integer NOT NULL REFERENCES users (id),
        filename varchar(255) NOT NULL,
        storage_key varchar(100) NOT NULL UNIQUE,
        size integer NOT NULL,
        content_type varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX attachments_ticket ON attachments (ticket_id, id)`,
      `CREATE TABLE mail_outbox (
        id serial PRIMARY KEY,
        to_address varchar(254) NOT NULL,
        subject varchar(300) NOT NULL,
        body text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX mail_outbox_pending ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE mail_outbox, attachments, ticket_history, comments, tickets,
        login_failures, sessions, users`,
    );
  }
}
