/**
 * PostgreSQL side of the bench: the generated data sets (one database per size and seed, built
 * by the real migrations and then bulk-loaded), fresh work copies from them as templates, and
 * the actors chosen from a work copy.
 */
import pg from 'pg';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { BENCH_PASSWORD, DATA_DIR, DATA_LAYOUT, benchPasswordHash } from './generate.mjs';
import { startApi } from './processes.mjs';
import { createRng } from './rng.mjs';
import { rowsOf } from './rows.mjs';
import { endProgress, progress, secondsSince } from './progress.mjs';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TICKETS_PER_STATEMENT = 1_000;
const STATEMENTS_PER_TRANSACTION = 20;
const WORK_DATABASE = 'bench_work';

/** The server's URL with another database name (the path of the URL). */
export function urlOf(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseNameOf({ tickets, seed }) {
  return `bench_${tickets}_seed_${seed}`;
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Statements on the server's maintenance database (`postgres`). */
function admin(serverUrl, work) {
  return withClient(urlOf(serverUrl, 'postgres'), work);
}

async function metaOf(client, name) {
  const { rows } = await client.query(
    `SELECT shobj_description(oid, 'pg_database') AS meta FROM pg_database WHERE datname = $1`,
    [name],
  );
  if (rows.length === 0) return null;
  try {
    return JSON.parse(rows[0].meta ?? 'null');
  } catch {
    return null;
  }
}

/**
 * A generated database for this size and seed: reused when a finished one exists (its JSON
 * comment says what it holds), else created by the real migrations (the built API started
 * once on an empty database) and bulk-filled, then renamed into place.
 */
export async function ensurePgDatabase(serverUrl, options) {
  const name = databaseNameOf(options);
  const partial = `${name}_partial`;
  const existing = await admin(serverUrl, (client) => metaOf(client, name));
  if (
    existing &&
    existing.users === options.users &&
    existing.agents === options.agents &&
    existing.layout === DATA_LAYOUT
  ) {
    console.log(
      `Reusing PostgreSQL database ${name} (${existing.tickets} tickets, generated in ${existing.seconds} s)`,
    );
    return { name, meta: existing };
  }
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${partial}`);
  });
  const started = Date.now();
  console.log(
    `Generating ${options.tickets} tickets (seed ${options.seed}) into PostgreSQL database ${name}`,
  );
  mkdirSync(DATA_DIR, { recursive: true });
  const api = await startApi({
    databaseUrl: urlOf(serverUrl, partial),
    logFile: resolve(DATA_DIR, 'generate-api.log'),
    uploadDir: resolve(DATA_DIR, 'uploads'),
  });
  await api.stop();
  const timings = await fill(urlOf(serverUrl, partial), options);
  const { tickets, seed, users, agents } = options;
  const done = {
    tickets,
    seed,
    users,
    agents,
    layout: DATA_LAYOUT,
    seconds: Math.round((Date.now() - started) / 1000),
    ...timings,
  };
  await admin(serverUrl, async (client) => {
    await client.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
    await client.query(`COMMENT ON DATABASE ${name} IS '${JSON.stringify(done)}'`);
  });
  console.log(`Generated in ${done.seconds} s (${JSON.stringify(timings)})`);
  return { name, meta: done };
}

/** A fresh copy of a generated database for one load run (CREATE DATABASE ... TEMPLATE). */
export async function pgWorkCopy(serverUrl, name) {
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${WORK_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${WORK_DATABASE} TEMPLATE ${name}`);
  });
  return urlOf(serverUrl, WORK_DATABASE);
}

export async function dropPgWorkCopy(serverUrl) {
  await admin(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${WORK_DATABASE} WITH (FORCE)`),
  );
}

const TABLES = ['tickets', 'comments', 'ticket_history'];

/** Column arrays for `INSERT ... SELECT * FROM unnest($1::type[], ...)`. */
function unnestInsert(table, columns) {
  const names = columns.map(([column]) => column).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return {
    text: `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`,
    width: columns.length,
  };
}

const INSERT = {
  users: unnestInsert('users', [
    ['id', 'int'],
    ['name', 'text'],
    ['email', 'text'],
    ['password_hash', 'text'],
    ['role', 'text'],
    ['created_at', 'timestamptz'],
  ]),
  tickets: unnestInsert('tickets', [
    ['id', 'int'],
    ['subject', 'text'],
    ['description', 'text'],
    ['status', 'text'],
    ['priority', 'text'],
    ['priority_rank', 'int'],
    ['owner_id', 'int'],
    ['assignee_id', 'int'],
    ['rating_stars', 'int'],
    ['rating_feedback', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ]),
  comments: unnestInsert('comments', [
    ['id', 'int'],
    ['ticket_id', 'int'],
    ['author_id', 'int'],
    ['body', 'text'],
    ['created_at', 'timestamptz'],
  ]),
  history: unnestInsert('ticket_history', [
    ['id', 'int'],
    ['ticket_id', 'int'],
    ['actor_id', 'int'],
    ['action', 'text'],
    ['from_value', 'text'],
    ['to_value', 'text'],
    ['at', 'timestamptz'],
  ]),
};

/** Rows (arrays of values) turned into one array per column. */
function columnsOf(rows, width) {
  const columns = Array.from({ length: width }, () => new Array(rows.length));
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c += 1) columns[c][r] = row[c];
  });
  return columns;
}

const insertRows = (client, statement, rows) =>
  client.query({ text: statement.text, values: columnsOf(rows, statement.width) });

/**
 * Same generator, same order, same ids as the SQLite load. Foreign-key triggers are off for the
 * load session (session_replication_role = replica), secondary indexes are dropped and rebuilt
 * from their own definitions; statements of 1,000 tickets (5,000 comments, ~7,000 history rows)
 * in transactions of 20,000 tickets, the next batch generated while the server inserts the last.
 */
async function fill(url, options) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const timings = {};
  try {
    await client.query("SET TIME ZONE 'UTC'");
    await client.query('SET session_replication_role = replica');
    await client.query('SET synchronous_commit = off');
    const { rows: indexes } = await client.query(
      `SELECT indexname AS name, indexdef AS sql FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1)
          AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [TABLES],
    );
    for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);

    const hash = benchPasswordHash();
    const rng = createRng(options.seed);
    const people = rowsOf(rng, options);
    const maxId = async (table) =>
      Number((await client.query(`SELECT coalesce(max(id), 0) AS id FROM ${table}`)).rows[0].id);
    let userId = await maxId('users');
    const userIds = { agents: [], users: [] };
    const userRows = [];
    for (const user of people.users(hash)) {
      userId += 1;
      userRows.push([userId, ...user.values]);
      userIds[user.role === 'agent' ? 'agents' : 'users'].push(userId);
    }
    await client.query('BEGIN');
    for (let i = 0; i < userRows.length; i += 5_000) {
      await insertRows(client, INSERT.users, userRows.slice(i, i + 5_000));
    }
    await client.query('COMMIT');

    const firstId = (await maxId('tickets')) + 1;
    let commentId = await maxId('comments');
    let historyId = await maxId('ticket_history');
    const started = Date.now();
    // Statements are chained on the one session; the next batch is generated while the server
    // inserts this one (at most one batch waiting). Errors surface at the next await.
    let previous = Promise.resolve();
    let statements = 0;
    await client.query('BEGIN');
    for (let from = 0; from < options.tickets; from += TICKETS_PER_STATEMENT) {
      const to = Math.min(options.tickets, from + TICKETS_PER_STATEMENT);
      const tickets = [];
      const comments = [];
      const history = [];
      for (let n = from; n < to; n += 1) {
        const ticket = people.ticket(firstId + n, n, userIds);
        tickets.push(ticket.values);
        for (const comment of ticket.comments) comments.push([(commentId += 1), ...comment]);
        for (const entry of ticket.history) history.push([(historyId += 1), ...entry]);
      }
      statements += 1;
      const commit = statements % STATEMENTS_PER_TRANSACTION === 0;
      const current = previous.then(async () => {
        await insertRows(client, INSERT.tickets, tickets);
        await insertRows(client, INSERT.comments, comments);
        await insertRows(client, INSERT.history, history);
        if (commit) {
          await client.query('COMMIT');
          await client.query('BEGIN');
        }
      });
      current.catch(() => {}); // awaited below; this only keeps Node from calling it unhandled
      await previous;
      previous = current;
      progress('tickets', to, options.tickets, started);
    }
    await previous;
    await client.query('COMMIT');
    endProgress();
    timings.loadSeconds = Math.round((Date.now() - started) / 1000);

    // The search vector is kept by triggers, which are off for this session: compute it once
    // from the loaded rows with the API's own function (subject, replies, notes, requester).
    // (The comments' indexes are dropped for the load: a temporary one serves the lookups.)
    const searchStart = Date.now();
    await client.query('CREATE INDEX bench_comments_ticket ON comments (ticket_id)');
    await client.query(
      `UPDATE tickets SET search_vector = ticket_search_vector(id, subject, description,
        owner_id, assignee_id, status, priority, tags)`,
    );
    await client.query('DROP INDEX bench_comments_ticket');
    timings.searchSeconds = Math.round((Date.now() - searchStart) / 1000);

    const indexStart = Date.now();
    // Two sessions (two cores): the GIN index on one, the btree indexes on the other.
    const gin = indexes.filter((index) => /USING gin/i.test(index.sql));
    const btree = indexes.filter((index) => !/USING gin/i.test(index.sql));
    const build = async (list) =>
      withClient(url, async (session) => {
        await session.query("SET maintenance_work_mem = '512MB'");
        for (const { name, sql } of list) {
          await session.query(sql);
          process.stdout.write(`  index ${name} (${secondsSince(indexStart)} s)\n`);
        }
      });
    await Promise.all([build(gin), build(btree)]);
    timings.indexSeconds = Math.round((Date.now() - indexStart) / 1000);

    for (const table of ['users', 'tickets', 'comments', 'ticket_history']) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
      );
    }
    const vacuumStart = Date.now();
    process.stdout.write('  vacuum analyze...');
    await client.query('VACUUM (ANALYZE)');
    timings.vacuumSeconds = Math.round((Date.now() - vacuumStart) / 1000);
    process.stdout.write(` done (${timings.vacuumSeconds} s)\n`);
  } finally {
    await client.end();
  }
  return timings;
}

const TICKETS_PER_ACTOR = 64;

function spread(ids, count) {
  if (ids.length <= count) return ids;
  return Array.from({ length: count }, (_, i) => ids[Math.floor((i * ids.length) / count)]);
}

/** The same actors as `chooseActors` (lib/actors.mjs), read from a PostgreSQL work copy. */
export async function chooseActorsPg(url, { users, agents }) {
  return withClient(url, async (client) => {
    const column = async (sql, values = []) =>
      (await client.query(sql, values)).rows.map((r) => r.v);
    const ownerIds = await column('SELECT DISTINCT owner_id AS v FROM tickets ORDER BY owner_id');
    const emailOf = async (id) =>
      (await column('SELECT email AS v FROM users WHERE id = $1', [id]))[0];
    const userActors = [];
    for (const id of spread(ownerIds, users)) {
      userActors.push({
        id,
        role: 'user',
        email: await emailOf(id),
        password: BENCH_PASSWORD,
        tickets: await column(
          'SELECT id AS v FROM tickets WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT $2',
          [id, TICKETS_PER_ACTOR],
        ),
      });
    }
    const agentIds = await column(
      `SELECT id AS v FROM users u WHERE role = 'agent' AND EXISTS
        (SELECT 1 FROM tickets t WHERE t.assignee_id = u.id AND t.status = 'open') ORDER BY id`,
    );
    const agentActors = [];
    for (const id of spread(agentIds, agents)) {
      const { rows } = await client.query(
        `SELECT id, status FROM tickets WHERE assignee_id = $1 AND status IN ('open', 'in_progress')
          ORDER BY updated_at DESC LIMIT $2`,
        [id, TICKETS_PER_ACTOR],
      );
      agentActors.push({
        id,
        role: 'agent',
        email: await emailOf(id),
        password: BENCH_PASSWORD,
        tickets: rows.map((row) => row.id),
        statuses: new Map(rows.map((row) => [row.id, row.status])),
      });
    }
    const [adminId] = await column("SELECT id AS v FROM users WHERE email = 'admin@example.com'");
    const admin = {
      id: adminId,
      role: 'admin',
      email: 'admin@example.com',
      password: 'admin123',
      tickets: [],
    };
    return { users: userActors, agents: agentActors, admin };
  });
}

/** The server's version line, for the report. */
export async function pgVersion(serverUrl) {
  return admin(
    serverUrl,
    async (client) => (await client.query('SHOW server_version')).rows[0].server_version,
  );
}
