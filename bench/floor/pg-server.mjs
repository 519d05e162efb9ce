/**
 * The raw PostgreSQL floor: node:http and a pg.Pool (max 20, like the API's data source) with
 * named prepared statements, no framework, no ORM, no auth. It sends the SQL the API sends on
 * PostgreSQL (the list page and its COUNT(*) in parallel; search as the weighted tsquery with
 * the scope token) and answers the bench scenarios' URLs with the same data.
 */
import { serveFloor } from './http.mjs';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.FLOOR_PG_URL, max: 20 });
const PRIORITY_RANK = { low: 1, medium: 2, high: 3, urgent: 4 };

const SUMMARY = `t.id AS id, t.subject AS subject, t.status AS status, t.priority AS priority,
  t.owner_id AS "ownerId", owner.name AS "ownerName", t.assignee_id AS "assigneeId",
  assignee.name AS "assigneeName", t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;
const FROM = `FROM tickets t INNER JOIN users owner ON owner.id = t.owner_id
  LEFT JOIN users assignee ON assignee.id = t.assignee_id`;
const ORDER = 'ORDER BY t.updated_at DESC, t.id DESC LIMIT 25 OFFSET 0';
const SCOPES = { user: 't.owner_id = $1', agent: 't.assignee_id = $1', admin: '1 = 1' };
const SEARCH = "t.search_vector @@ to_tsquery('simple', $?)";

/** Named statements per role and filter: the page and the count, as the API's QueryBuilder builds them. */
const LISTS = {};
for (const [role, scope] of Object.entries(SCOPES)) {
  const first = role === 'admin' ? 1 : 2;
  for (const [filter, condition] of Object.entries({
    plain: '',
    status: ` AND t.status IN ($${first})`,
    search: ` AND ${SEARCH.replace('$?', `$${first}`)}`,
  })) {
    const where = `WHERE ${scope}${condition}`;
    // Like the API, a search counts its matches only up to the cap (1,000, then "1,000+").
    const count =
      filter === 'search'
        ? `SELECT COUNT(*) AS count FROM (SELECT 1 FROM tickets t ${where} LIMIT 1001) matches`
        : `SELECT COUNT(*) AS count FROM tickets t ${where}`;
    LISTS[`${role}:${filter}`] = {
      rows: { name: `${role}-${filter}-rows`, text: `SELECT ${SUMMARY} ${FROM} ${where} ${ORDER}` },
      count: { name: `${role}-${filter}-count`, text: count },
    };
  }
}

const Q = {
  detail: {
    name: 'detail',
    text: `SELECT ${SUMMARY}, t.description AS description, t.rating_stars AS "ratingStars",
      t.rating_feedback AS "ratingFeedback" ${FROM} WHERE t.id = $1`,
  },
  ticketForUpdate: {
    name: 'ticket-for-update',
    text: 'SELECT id, status, owner_id, assignee_id FROM tickets WHERE id = $1 FOR UPDATE',
  },
  comments: {
    name: 'comments',
    text: `SELECT c.id, c.body, c.created_at AS "createdAt", u.id AS "authorId", u.name AS "authorName",
      u.role AS "authorRole" FROM comments c JOIN users u ON u.id = c.author_id
     WHERE c.ticket_id = $1 ORDER BY c.created_at, c.id`,
  },
  history: {
    name: 'history',
    text: `SELECT h.id, h.action, h.from_value AS "from", h.to_value AS "to", h.at,
      u.id AS "actorId", u.name AS "actorName" FROM ticket_history h
     JOIN users u ON u.id = h.actor_id WHERE h.ticket_id = $1 ORDER BY h.id`,
  },
  insertComment: {
    name: 'insert-comment',
    text: 'INSERT INTO comments (ticket_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
  },
  touchTicket: { name: 'touch-ticket', text: 'UPDATE tickets SET updated_at = $1 WHERE id = $2' },
  setStatus: {
    name: 'set-status',
    text: 'UPDATE tickets SET status = $1, updated_at = $2 WHERE id = $3',
  },
  insertTicket: {
    name: 'insert-ticket',
    text: `INSERT INTO tickets (subject, description, status, priority, priority_rank, owner_id,
      created_at, updated_at) VALUES ($1, $2, 'open', $3, $4, $5, $6, $6) RETURNING id`,
  },
  insertHistory: {
    name: 'insert-history',
    text: `INSERT INTO ticket_history (ticket_id, actor_id, action, from_value, to_value, at)
      VALUES ($1, $2, $3, $4, $5, $6)`,
  },
  insertMail: {
    name: 'insert-mail',
    text: `INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at)
      VALUES ('someone@example.com', $1, $2, $3, $3)`,
  },
};

const run = (statement, values) => pool.query({ ...statement, values });
const iso = (value) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();
const summary = (r) => ({
  id: r.id,
  subject: r.subject,
  status: r.status,
  priority: r.priority,
  owner: { id: r.ownerId, name: r.ownerName },
  assignee: r.assigneeId === null ? null : { id: r.assigneeId, name: r.assigneeName },
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

async function detail(id) {
  const { rows } = await run(Q.detail, [id]);
  const r = rows[0];
  if (!r) return null;
  const rating =
    r.ratingStars === null ? null : { stars: r.ratingStars, feedback: r.ratingFeedback };
  return { ...summary(r), description: r.description, rating };
}

/**
 * The API's tsquery: words of weight A (B too for staff: notes and requester), the last one a
 * prefix from three letters, the scope token of weight D.
 */
function tsQuery(text, role, userId) {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  const weights = role === 'user' ? 'A' : 'AB';
  const parts = words.map(
    (word, i) => `'${word}':${i === words.length - 1 && word.length >= 3 ? '*' : ''}${weights}`,
  );
  if (role === 'user') parts.push(`('o${userId}':D)`);
  if (role === 'agent') parts.push(`('a${userId}':D)`);
  return parts.join(' & ');
}

async function list(url, role, userId) {
  const status = url.searchParams.get('status');
  const text = url.searchParams.get('q');
  const args = role === 'admin' ? [] : [userId];
  let filter = 'plain';
  if (text) {
    filter = 'search';
    args.push(tsQuery(text, role, userId));
  } else if (status) {
    filter = 'status';
    args.push(status);
  }
  const { rows, count } = LISTS[`${role}:${filter}`];
  const [page, total] = await Promise.all([run(rows, args), run(count, args)]);
  return {
    items: page.rows.map(summary),
    total: Number(total.rows[0].count),
    page: 1,
    pageSize: 25,
  };
}

async function transaction(work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work((statement, values) => client.query({ ...statement, values }));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const addComment = (ticketId, userId, body) =>
  transaction(async (query) => {
    const at = new Date();
    const { rows } = await query(Q.insertComment, [ticketId, userId, body, at]);
    await query(Q.touchTicket, [at, ticketId]);
    await query(Q.insertHistory, [ticketId, userId, 'commented', null, body, at]);
    await query(Q.insertMail, ['New comment', body, at]);
    return { id: rows[0].id, body, author: { id: userId }, createdAt: at.toISOString() };
  });

const createTicket = (userId, { subject, description, priority = 'medium' }) =>
  transaction(async (query) => {
    const at = new Date();
    const { rows } = await query(Q.insertTicket, [
      subject,
      description,
      priority,
      PRIORITY_RANK[priority],
      userId,
      at,
    ]);
    await query(Q.insertHistory, [rows[0].id, userId, 'created', null, 'open', at]);
    return rows[0].id;
  });

const changeStatus = (ticketId, userId, status) =>
  transaction(async (query) => {
    const { rows } = await query(Q.ticketForUpdate, [ticketId]);
    const ticket = rows[0];
    if (!ticket) return false;
    if (ticket.status === status) return true;
    const at = new Date();
    await query(Q.setStatus, [status, at, ticketId]);
    await query(Q.insertHistory, [ticketId, userId, 'status_changed', ticket.status, status, at]);
    await query(Q.insertMail, ['Status changed', status, at]);
    return true;
  });

async function route(method, url, role, userId, body) {
  const parts = url.pathname.split('/').filter(Boolean); // api, tickets, :id, sub
  if (method === 'GET' && url.pathname === '/health') return [200, { status: 'ok' }];
  if (parts[0] !== 'api' || parts[1] !== 'tickets') return [404, { message: 'Not found' }];
  const id = parts[2] === undefined ? null : Number(parts[2]);
  if (id === null) {
    if (method === 'GET') return [200, await list(url, role, userId)];
    if (method === 'POST') return [201, await detail(await createTicket(userId, body))];
  } else if (parts[3] === undefined) {
    if (method === 'PATCH' && !(await changeStatus(id, userId, body.status))) return [404, {}];
    if (method === 'GET' || method === 'PATCH') {
      const ticket = await detail(id);
      return ticket ? [200, ticket] : [404, { message: 'Not found' }];
    }
  } else if (parts[3] === 'comments') {
    if (method === 'GET')
      return [
        200,
        (await run(Q.comments, [id])).rows.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
      ];
    if (method === 'POST') return [201, await addComment(id, userId, body.body)];
  } else if (parts[3] === 'history' && method === 'GET') {
    return [200, (await run(Q.history, [id])).rows.map((h) => ({ ...h, at: iso(h.at) }))];
  }
  return [404, { message: 'Not found' }];
}

serveFloor(route, () => pool.end().catch(() => {}));
