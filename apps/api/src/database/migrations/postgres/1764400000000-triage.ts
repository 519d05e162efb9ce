import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket's search vector, the twin of the SQLite FTS document (see the SQLite migration):
 * weight A what everyone who sees the ticket may find it by (subject, description, public
 * comments), B what only agents and admins may (internal notes, the requester's name and
 * e-mail), D the filter tokens (`i<id>`, owner, assignee, status, priority, `t<hex>` per tag).
 * Arguments: id, subject, description, owner_id, assignee_id, status, priority, tags.
 */
const SEARCH_VECTOR_FUNCTION = `
  CREATE FUNCTION ticket_search_vector(integer, text, text, integer, integer, text, text, text)
  RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT
      setweight(to_tsvector('simple'::regconfig, regexp_replace(
        $2 || ' ' || $3 || ' ' || coalesce((SELECT string_agg(c.body, ' ') FROM comments c
          WHERE c.ticket_id = $1 AND NOT c.internal), ''),
        '[^[:alnum:]]+', ' ', 'g')), 'A') ||
      setweight(to_tsvector('simple'::regconfig, regexp_replace(
        coalesce((SELECT u.name || ' ' || u.email FROM users u WHERE u.id = $4), '') || ' ' ||
        coalesce((SELECT string_agg(c.body, ' ') FROM comments c
          WHERE c.ticket_id = $1 AND c.internal), ''),
        '[^[:alnum:]]+', ' ', 'g')), 'B') ||
      setweight(to_tsvector('simple'::regconfig,
        'i' || $1 || ' o' || $4 || ' a' || coalesce($5::text, 'none') ||
        ' s' || replace($6, '_', '') || ' p' || $7 ||
        coalesce((SELECT string_agg(' t' || encode(convert_to(tag, 'UTF8'), 'hex'), '')
          FROM jsonb_array_elements_text($8::jsonb) AS tag), '')), 'D')
  $$`;

/**
 * Tags (a JSON list on the ticket, one row per tag in `ticket_tags` for the vocabulary),
 * saved views, and a search vector that also holds comments and the requester: no longer a
 * generated column (it reads other tables) but kept by triggers on tickets, comments and users.
 */
export class TriagePostgres1764400000000 implements MigrationInterface {
  name = 'TriagePostgres1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE tickets ADD COLUMN tags text NOT NULL DEFAULT '[]'`,
      `CREATE TABLE ticket_tags (
        tag varchar(32) NOT NULL,
        ticket_id integer NOT NULL REFERENCES tickets (id),
        PRIMARY KEY (tag, ticket_id)
      )`,
      `CREATE INDEX ticket_tags_ticket ON ticket_tags (ticket_id)`,
      `CREATE TABLE saved_views (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id),
        name varchar(60) NOT NULL,
        query varchar(1000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX saved_views_user ON saved_views (user_id, id)`,
      `DROP INDEX tickets_search`,
      `ALTER TABLE tickets DROP COLUMN search_vector`,
      `ALTER TABLE tickets ADD COLUMN search_vector tsvector`,
      SEARCH_VECTOR_FUNCTION,
      `CREATE FUNCTION tickets_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := ticket_search_vector(NEW.id, NEW.subject, NEW.description,
          NEW.owner_id, NEW.assignee_id, NEW.status, NEW.priority, NEW.tags);
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER tickets_search BEFORE INSERT OR UPDATE OF subject, description, status,
        priority, owner_id, assignee_id, tags, search_vector
        ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_search_refresh()`,
      `CREATE FUNCTION tickets_tags_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM ticket_tags WHERE ticket_id = NEW.id;
        END IF;
        INSERT INTO ticket_tags (tag, ticket_id)
          SELECT tag, NEW.id FROM jsonb_array_elements_text(NEW.tags::jsonb) AS tag;
        RETURN NULL;
      END $$`,
      `CREATE TRIGGER tickets_tags AFTER INSERT OR UPDATE OF tags
        ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_tags_refresh()`,
      `CREATE FUNCTION comments_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets SET search_vector = NULL
          WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
        RETURN NULL;
      END $$`,
      `CREATE TRIGGER comments_search AFTER INSERT OR DELETE
        ON comments FOR EACH ROW EXECUTE FUNCTION comments_search_refresh()`,
      `CREATE FUNCTION users_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets SET search_vector = NULL WHERE owner_id = NEW.id;
        RETURN NULL;
      END $$`,
      `CREATE TRIGGER users_search AFTER UPDATE OF name, email ON users FOR EACH ROW
        WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
        EXECUTE FUNCTION users_search_refresh()`,
      `UPDATE tickets SET search_vector = NULL`,
      `CREATE INDEX tickets_search ON tickets USING gin (search_vector)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TRIGGER users_search ON users`,
      `DROP TRIGGER comments_search ON comments`,
      `DROP TRIGGER tickets_tags ON tickets`,
      `DROP TRIGGER tickets_search ON tickets`,
      `DROP FUNCTION users_search_refresh()`,
      `DROP FUNCTION comments_search_refresh()`,
      `DROP FUNCTION tickets_tags_refresh()`,
      `DROP FUNCTION tickets_search_refresh()`,
      `DROP FUNCTION ticket_search_vector(integer, text, text, integer, integer, text, text, text)`,
      `DROP TABLE saved_views`,
      `DROP TABLE ticket_tags`,
      `ALTER TABLE tickets DROP COLUMN tags`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}
