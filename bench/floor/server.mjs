/**
 * The raw floor: node:http and better-sqlite3 prepared statements, no framework, no ORM, no
 * auth. It answers the bench scenarios' URLs with the same data the API would.
 */
import Database from 'better-sqlite3';
import { serveFloor } from './http.mjs';
import { prepareQueries } from './queries.mjs';

const PRIORITY_RANK = { low: 0, medium: 1, high: 2, urgent: 3 };
const SEARCH_TOTAL_CAP = 1000;
// The API's connection settings (apps/api/src/database/data-source.ts).
const db = new Database(process.env.FLOOR_DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -32768');
db.pragma('temp_store = MEMORY');
const q = prepareQueries(db);

const iso = (value) => `${value.replace(' ', 'T')}Z`;
const now = () => new Date().toISOString().replace('T', ' ').slice(0, 23);
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
const detail = (id) => {
  const r = q.detail.get(id);
  if (!r) return null;
  const rating =
    r.ratingStars === null ? null : { stars: r.ratingStars, feedback: r.ratingFeedback };
  return { ...summary(r), description: r.description, rating };
};

/**
 * The same FTS5 expression the API builds: quoted words, the last one (from three letters) as
 * the indexed words it begins, in what the role may find (`staff`: notes and requester), the
 * scope token inside the index.
 */
function ftsExpression(text, role, userId) {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  const phrases = words.map((w, i) => {
    if (i < words.length - 1 || w.length < 3) return `"${w}"`;
    const terms = q.completions.all(w, `${w}\u{10FFFF}`);
    if (terms.length > 50) return `"${w}"*`;
    return `(${[...new Set([w, ...terms])].map((t) => `"${t}"`).join(' OR ')})`;
  });
  const parts = [`${role === 'user' ? '{words}' : '{words staff}'} : (${phrases.join(' AND ')})`];
  if (role === 'user') parts.push(`scope : (o${userId})`);
  if (role === 'agent') parts.push(`scope : (a${userId})`);
  return parts.join(' AND ');
}

/** The API's plan for a search: the index counts the matches and yields the newest page. */
function search(text, role, userId) {
  const match = ftsExpression(text, role, userId);
  const matches = q.searchCount.get(match);
  const total = Math.min(matches, SEARCH_TOTAL_CAP);
  const totalCapped = matches > SEARCH_TOTAL_CAP;
  if (matches === 0) return { items: [], total, page: 1, pageSize: 25, totalCapped };
  const rows = q.searchRecent.all(match);
  return { items: rows.map(summary), total, page: 1, pageSize: 25, totalCapped };
}

function list(url, role, userId) {
  const status = url.searchParams.get('status');
  const text = url.searchParams.get('q');
  if (text) return search(text, role, userId);
  const args = role === 'admin' ? [] : [userId];
  let filter = 'plain';
  if (status) {
    filter = 'status';
    args.push(status);
  }
  const { rows, count } = q.list[`${role}:${filter}`];
  return {
    items: rows.all(...args).map(summary),
    total: count.get(...args),
    page: 1,
    pageSize: 25,
  };
}

const addComment = db.transaction((ticketId, userId, body) => {
  const at = now();
  const { lastInsertRowid } = q.insertComment.run(ticketId, userId, body, at);
  q.touchTicket.run(at, ticketId);
  q.insertHistory.run(ticketId, userId, 'commented', null, body, at);
  q.insertMail.run('New comment', body, at, at);
  return { id: Number(lastInsertRowid), body, author: { id: userId }, createdAt: iso(at) };
});

const createTicket = db.transaction((userId, { subject, description, priority = 'medium' }) => {
  const at = now();
  const { lastInsertRowid } = q.insertTicket.run(
    subject,
    description,
    priority,
    PRIORITY_RANK[priority],
    userId,
    at,
    at,
  );
  q.insertHistory.run(lastInsertRowid, userId, 'created', null, 'open', at);
  return Number(lastInsertRowid);
});

const changeStatus = db.transaction((ticketId, userId, status) => {
  const ticket = q.ticketForUpdate.get(ticketId);
  if (!ticket) return false;
  if (ticket.status === status) return true;
  const at = now();
  q.setStatus.run(status, at, ticketId);
  q.insertHistory.run(ticketId, userId, 'status_changed', ticket.status, status, at);
  q.insertMail.run('Status changed', status, at, at);
  return true;
});

function route(method, url, role, userId, body) {
  const parts = url.pathname.split('/').filter(Boolean); // api, tickets, :id, sub
  if (method === 'GET' && url.pathname === '/health') return [200, { status: 'ok' }];
  if (parts[0] !== 'api' || parts[1] !== 'tickets') return [404, { message: 'Not found' }];
  const id = parts[2] === undefined ? null : Number(parts[2]);
  if (id === null) {
    if (method === 'GET') return [200, list(url, role, userId)];
    if (method === 'POST') return [201, detail(createTicket(userId, body))];
  } else if (parts[3] === undefined) {
    if (method === 'PATCH' && !changeStatus(id, userId, body.status)) return [404, {}];
    if (method === 'GET' || method === 'PATCH') {
      const ticket = detail(id);
      return ticket ? [200, ticket] : [404, { message: 'Not found' }];
    }
  } else if (parts[3] === 'comments') {
    if (method === 'GET') return [200, q.comments.all(id)];
    if (method === 'POST') return [201, addComment(id, userId, body.body)];
  } else if (parts[3] === 'history' && method === 'GET') {
    return [200, q.history.all(id)];
  }
  return [404, { message: 'Not found' }];
}

serveFloor(route, () => db.close());
