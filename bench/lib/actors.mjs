import Database from 'better-sqlite3';
import { BENCH_PASSWORD } from './generate.mjs';

const TICKETS_PER_ACTOR = 64;

function spread(ids, count) {
  if (ids.length <= count) return ids;
  return Array.from({ length: count }, (_, i) => ids[Math.floor((i * ids.length) / count)]);
}

/**
 * The people the load driver acts as, chosen evenly from the data set: users who own tickets
 * (with some of their ticket ids), agents with open or in-progress assigned tickets (with their
 * statuses, so status changes can alternate), and the demo admin.
 */
export function chooseActors(databasePath, { users, agents }) {
  const db = new Database(databasePath, { readonly: true });
  const ownerIds = db
    .prepare('SELECT DISTINCT owner_id FROM tickets ORDER BY owner_id')
    .pluck()
    .all();
  const ownTickets = db
    .prepare('SELECT id FROM tickets WHERE owner_id = ? ORDER BY updated_at DESC LIMIT ?')
    .pluck();
  const emailOf = db.prepare('SELECT email FROM users WHERE id = ?').pluck();
  const userActors = spread(ownerIds, users).map((id) => ({
    id,
    role: 'user',
    email: emailOf.get(id),
    password: BENCH_PASSWORD,
    tickets: ownTickets.all(id, TICKETS_PER_ACTOR),
  }));
  const agentIds = db
    .prepare(
      `SELECT id FROM users u WHERE role = 'agent' AND EXISTS
        (SELECT 1 FROM tickets t WHERE t.assignee_id = u.id AND t.status = 'open') ORDER BY id`,
    )
    .pluck()
    .all();
  const assigned = db.prepare(
    `SELECT id, status FROM tickets WHERE assignee_id = ? AND status IN ('open', 'in_progress')
     ORDER BY updated_at DESC LIMIT ?`,
  );
  const agentActors = spread(agentIds, agents).map((id) => {
    const rows = assigned.all(id, TICKETS_PER_ACTOR);
    return {
      id,
      role: 'agent',
      email: emailOf.get(id),
      password: BENCH_PASSWORD,
      tickets: rows.map((row) => row.id),
      statuses: new Map(rows.map((row) => [row.id, row.status])),
    };
  });
  const adminId = db
    .prepare("SELECT id FROM users WHERE email = 'admin@example.com'")
    .pluck()
    .get();
  db.close();
  const admin = {
    id: adminId,
    role: 'admin',
    email: 'admin@example.com',
    password: 'admin123',
    tickets: [],
  };
  return { users: userActors, agents: agentActors, admin };
}

function cookieValue(setCookies, name) {
  for (const line of setCookies) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    if (pair.slice(0, at).trim() === name) return pair.slice(at + 1);
  }
  throw new Error(`no ${name} cookie in the login response`);
}

/** Signs an actor in over the real API and keeps the headers its requests need. */
export async function signIn(baseUrl, actor) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: actor.email, password: actor.password }),
  });
  if (response.status !== 200) {
    throw new Error(`login of ${actor.email} gave ${response.status}: ${await response.text()}`);
  }
  const setCookies = response.headers.getSetCookie();
  const session = cookieValue(setCookies, 'hd_session');
  const xsrf = cookieValue(setCookies, 'XSRF-TOKEN');
  actor.headers = {
    cookie: `hd_session=${session}; XSRF-TOKEN=${xsrf}`,
    'x-xsrf-token': decodeURIComponent(xsrf),
    'x-bench-user': String(actor.id),
    'x-bench-role': actor.role,
  };
}
