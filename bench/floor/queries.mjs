/**
 * The floor's SQL: the queries the API needs for each scenario, as plain prepared statements.
 * Scope comes from the `x-bench-user` / `x-bench-role` headers the driver sends (no auth).
 */
const SUMMARY = `t.id, t.subject, t.status, t.priority, t.owner_id AS ownerId, o.name AS ownerName,
  t.assignee_id AS assigneeId, a.name AS assigneeName, t.created_at AS createdAt,
  t.updated_at AS updatedAt`;
const FROM = `FROM tickets t JOIN users o ON o.id = t.owner_id
  LEFT JOIN users a ON a.id = t.assignee_id`;
const ORDER = 'ORDER BY t.updated_at DESC, t.id DESC LIMIT 25';
/** The index's rowid is a key ordered like `updatedAt`; the ticket id is its low 25 bits. */
const FTS = 't.id IN (SELECT rowid % 33554432 FROM tickets_fts WHERE tickets_fts MATCH ?)';
const SCOPES = { user: 't.owner_id = ?', agent: 't.assignee_id = ?', admin: '1 = 1' };

export function prepareQueries(db) {
  const list = {};
  for (const [role, scope] of Object.entries(SCOPES)) {
    for (const [filter, condition] of Object.entries({
      plain: '',
      status: ' AND t.status = ?',
    })) {
      const where = `WHERE ${scope}${condition}`;
      list[`${role}:${filter}`] = {
        rows: db.prepare(`SELECT ${SUMMARY} ${FROM} ${where} ${ORDER}`),
        count: db.prepare(`SELECT COUNT(*) AS total FROM tickets t ${where}`).pluck(),
      };
    }
  }
  return {
    list,
    // Like the API, a search counts its matches only up to the cap (1,000, then "1,000+").
    searchCount: db
      .prepare(
        'SELECT COUNT(*) FROM (SELECT 1 FROM tickets_fts WHERE tickets_fts MATCH ? LIMIT 1001)',
      )
      .pluck(),
    // The indexed words a search's last word begins (the API asks them as alternatives).
    completions: db
      .prepare('SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT 51')
      .pluck(),
    // The newest matches straight from the index, which stops after the page.
    searchRecent: db.prepare(
      `SELECT ${SUMMARY} FROM
        (SELECT rowid AS k FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT 25) m
        JOIN tickets t ON t.id = m.k % 33554432
        JOIN users o ON o.id = t.owner_id LEFT JOIN users a ON a.id = t.assignee_id
        ORDER BY m.k DESC`,
    ),
    detail: db.prepare(
      `SELECT ${SUMMARY}, t.description, t.rating_stars AS ratingStars,
        t.rating_feedback AS ratingFeedback ${FROM} WHERE t.id = ?`,
    ),
    ticketForUpdate: db.prepare(
      'SELECT id, status, owner_id, assignee_id FROM tickets WHERE id = ?',
    ),
    comments: db.prepare(
      `SELECT c.id, c.body, c.created_at AS createdAt, u.id AS authorId, u.name AS authorName,
        u.role AS authorRole FROM comments c JOIN users u ON u.id = c.author_id
       WHERE c.ticket_id = ? ORDER BY c.created_at, c.id`,
    ),
    history: db.prepare(
      `SELECT h.id, h.action, h.from_value AS "from", h.to_value AS "to", h.at,
        u.id AS actorId, u.name AS actorName FROM ticket_history h
       JOIN users u ON u.id = h.actor_id WHERE h.ticket_id = ? ORDER BY h.id`,
    ),
    insertComment: db.prepare(
      'INSERT INTO comments (ticket_id, author_id, body, created_at) VALUES (?, ?, ?, ?)',
    ),
    touchTicket: db.prepare('UPDATE tickets SET updated_at = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?'),
    insertTicket: db.prepare(
      `INSERT INTO tickets (subject, description, status, priority, priority_rank, owner_id,
        created_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?)`,
    ),
    insertHistory: db.prepare(
      `INSERT INTO ticket_history (ticket_id, actor_id, action, from_value, to_value, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertMail: db.prepare(
      `INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at)
       VALUES ('someone@example.com', ?, ?, ?, ?)`,
    ),
  };
}
