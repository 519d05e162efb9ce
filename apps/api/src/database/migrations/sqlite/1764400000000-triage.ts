import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOW = `(strftime('%Y-%m-%d %H:%M:%f', 'now'))`;

/**
 * A ticket's key in the search index, ordered as the list's default sort (`updatedAt`, then
 * id): 10 ms steps since 2000 in the high bits, the id in the low 25 (ids below 33.5M). Walking
 * the index by rowid from the top therefore yields the most recently changed matches first and
 * can stop after a page (`ORDER BY rowid DESC LIMIT 25`). Timestamps are stored as
 * `YYYY-MM-DD HH:MM:SS.SSS`. `TICKET_ID_BITS` in ticket-search.ts is the same 25.
 */
function searchKey(ticket: string): string {
  return `(((strftime('%s', ${ticket}.updated_at) - 946684800) * 100 +
    CAST(substr(${ticket}.updated_at, 21, 2) AS INTEGER)) * 33554432 + ${ticket}.id % 33554432)`;
}

/**
 * One search document per ticket, as `SELECT rowid, words, staff, scope ... WHERE <ticket>`:
 * - `words`: what everyone who sees the ticket may find it by (subject, description, public
 *   comments);
 * - `staff`: what only agents and admins may find it by (internal notes, the requester's name
 *   and e-mail);
 * - `scope`: tokens matched like filters: `i<id>`, owner, assignee, status, priority, and
 *   `t<hex of the tag>` per tag (hex keeps `wi-fi` one token on both engines).
 */
const DOCUMENT = `
  SELECT ${searchKey('t')},
    t.subject || ' ' || t.description || coalesce((SELECT ' ' || group_concat(c.body, ' ')
      FROM comments c WHERE c.ticket_id = t.id AND c.internal = 0), ''),
    o.name || ' ' || o.email || coalesce((SELECT ' ' || group_concat(c.body, ' ')
      FROM comments c WHERE c.ticket_id = t.id AND c.internal = 1), ''),
    'i' || t.id || ' o' || t.owner_id || ' a' || coalesce(t.assignee_id, 'none') ||
    ' s' || replace(t.status, '_', '') || ' p' || t.priority ||
    coalesce((SELECT group_concat(' t' || hex(tag.value), '') FROM json_each(t.tags) tag), '')
  FROM tickets t JOIN users o ON o.id = t.owner_id`;

const INSERT_DOCUMENT = `INSERT INTO tickets_fts (rowid, words, staff, scope) ${DOCUMENT}`;

/**
 * Every word ever indexed goes to `search_terms`, for the last word of a search: FTS5 gathers
 * a prefix query's whole doclist before it can stop, so `print` is asked as `"print" OR
 * "printer"` from that list instead (see ticket-search.ts). A scratch FTS5 table with the same
 * tokenizer splits the new text into its words.
 */
function learnWords(text: string): string {
  return `INSERT INTO search_scratch (text) VALUES (${text});
        INSERT OR IGNORE INTO search_terms (term) SELECT term FROM search_scratch_terms;
        INSERT INTO search_scratch (search_scratch) VALUES ('delete-all');`;
}

/**
 * Tags (a JSON list on the ticket, one row per tag in `ticket_tags` for the vocabulary),
 * saved views, and a search document that also holds comments and the requester. The FTS
 * table is contentless, so a ticket's document is rewritten whole when any part changes.
 */
export class Triage1764400000000 implements MigrationInterface {
  name = 'Triage1764400000000';

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
        id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        user_id integer NOT NULL REFERENCES users (id),
        name varchar(60) NOT NULL,
        query varchar(1000) NOT NULL,
        created_at datetime NOT NULL DEFAULT ${NOW}
      )`,
      `CREATE INDEX saved_views_user ON saved_views (user_id, id)`,
      `DROP TRIGGER tickets_fts_insert`,
      `DROP TRIGGER tickets_fts_update`,
      `DROP TRIGGER tickets_fts_delete`,
      `DROP TABLE tickets_fts`,
      `CREATE VIRTUAL TABLE tickets_fts USING fts5(
        words, staff, scope,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      )`,
      `CREATE TABLE search_terms (term text PRIMARY KEY NOT NULL) WITHOUT ROWID`,
      `CREATE VIRTUAL TABLE search_scratch USING fts5(
        text, content = '', tokenize = 'unicode61 remove_diacritics 0'
      )`,
      `CREATE VIRTUAL TABLE search_scratch_terms USING fts5vocab(search_scratch, 'row')`,
      `CREATE VIRTUAL TABLE tickets_fts_terms USING fts5vocab(tickets_fts, 'col')`,
      `CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
        ${INSERT_DOCUMENT} WHERE t.id = new.id;
        ${learnWords(`new.subject || ' ' || new.description`)}
        INSERT INTO ticket_tags (tag, ticket_id) SELECT value, new.id FROM json_each(new.tags);
      END`,
      `CREATE TRIGGER tickets_fts_update
        AFTER UPDATE OF subject, description, status, priority, owner_id, assignee_id, tags,
          updated_at
        ON tickets
      BEGIN
        DELETE FROM tickets_fts WHERE rowid = ${searchKey('old')};
        ${INSERT_DOCUMENT} WHERE t.id = new.id;
      END`,
      `CREATE TRIGGER tickets_terms_update AFTER UPDATE OF subject, description ON tickets BEGIN
        ${learnWords(`new.subject || ' ' || new.description`)}
      END`,
      `CREATE TRIGGER tickets_tags_update AFTER UPDATE OF tags ON tickets BEGIN
        DELETE FROM ticket_tags WHERE ticket_id = old.id;
        INSERT INTO ticket_tags (tag, ticket_id) SELECT value, new.id FROM json_each(new.tags);
      END`,
      `CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
        DELETE FROM tickets_fts WHERE rowid = ${searchKey('old')};
        DELETE FROM ticket_tags WHERE ticket_id = old.id;
      END`,
      // A public comment comes with its ticket's `updatedAt` bump in the same transaction
      // (TicketActivity), which rewrites the document with it; an internal note does not.
      `CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments WHEN new.internal = 1 BEGIN
        DELETE FROM tickets_fts WHERE rowid = (SELECT ${searchKey('t')} FROM tickets t
          WHERE t.id = new.ticket_id);
        ${INSERT_DOCUMENT} WHERE t.id = new.ticket_id;
      END`,
      `CREATE TRIGGER comments_terms_insert AFTER INSERT ON comments BEGIN
        ${learnWords('new.body')}
      END`,
      `CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        DELETE FROM tickets_fts WHERE rowid = (SELECT ${searchKey('t')} FROM tickets t
          WHERE t.id = old.ticket_id);
        ${INSERT_DOCUMENT} WHERE t.id = old.ticket_id;
      END`,
      `CREATE TRIGGER users_fts_update AFTER UPDATE OF name, email ON users
        WHEN old.name IS NOT new.name OR old.email IS NOT new.email
      BEGIN
        DELETE FROM tickets_fts
          WHERE rowid IN (SELECT ${searchKey('t')} FROM tickets t WHERE t.owner_id = new.id);
        ${INSERT_DOCUMENT} WHERE t.owner_id = new.id;
        ${learnWords(`new.name || ' ' || new.email`)}
      END`,
      `CREATE TRIGGER users_terms_insert AFTER INSERT ON users BEGIN
        ${learnWords(`new.name || ' ' || new.email`)}
      END`,
      `${INSERT_DOCUMENT}`,
      `INSERT OR IGNORE INTO search_terms (term)
        SELECT term FROM tickets_fts_terms WHERE col IN ('words', 'staff')`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of [
      'tickets_fts_insert',
      'tickets_fts_update',
      'tickets_tags_update',
      'tickets_fts_delete',
      'comments_fts_insert',
      'comments_fts_delete',
      'users_fts_update',
      'users_terms_insert',
      'tickets_terms_update',
      'comments_terms_insert',
    ]) {
      await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    for (const table of [
      'tickets_fts_terms',
      'search_scratch_terms',
      'search_scratch',
      'search_terms',
      'tickets_fts',
      'saved_views',
      'ticket_tags',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN tags`);
  }
}
