import Database from 'better-sqlite3';
import { scryptSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApi, ROOT } from './processes.mjs';
import { createRng } from './rng.mjs';
import { rowsOf } from './rows.mjs';
import { endProgress, progress, secondsSince } from './progress.mjs';

export const DATA_DIR = resolve(ROOT, 'bench/.data');
export const BENCH_PASSWORD = 'bench-password-1';
const BATCH = 5_000;
/**
 * The search layout a data set was made for; an older set is generated again. 2: one search
 * document per ticket with its comments and requester (triage); 3: its rowid a recency key;
 * 4: the vocabulary of indexed words (`search_terms`) that completes a search's last word;
 * 5: a public comment's document rewritten once (with its ticket's updatedAt).
 */
export const DATA_LAYOUT = 5;

/** One scrypt hash in the API's format (`scrypt$N$r$p$salt$hash`), shared by every bench user. */
export function benchPasswordHash() {
  const salt = randomBytes(16);
  const key = scryptSync(BENCH_PASSWORD, salt, 64, { N: 16384, r: 8, p: 1, maxmem: 64 << 20 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

export function databasePathOf({ tickets, seed }) {
  return resolve(DATA_DIR, `tickets-${tickets}-seed-${seed}.sqlite`);
}

/**
 * A generated SQLite database for this size and seed: reused when a finished one exists,
 * else created by the real migrations (the built API started once on an empty file) and
 * bulk-filled with prepared statements in large transactions.
 */
export async function ensureDatabase(options) {
  const path = databasePathOf(options);
  const doneFile = `${path}.json`;
  const meta =
    existsSync(path) && existsSync(doneFile) ? JSON.parse(readFileSync(doneFile, 'utf8')) : null;
  if (
    meta &&
    meta.users === options.users &&
    meta.agents === options.agents &&
    meta.layout === DATA_LAYOUT
  ) {
    console.log(`Reusing ${path} (${meta.tickets} tickets, generated in ${meta.seconds} s)`);
    return { path, meta };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const partial = `${path}.partial`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`, path, doneFile]) {
    rmSync(file, { force: true });
  }
  const started = Date.now();
  console.log(`Generating ${options.tickets} tickets (seed ${options.seed}) into ${path}`);
  const api = await startApi({
    databaseUrl: `sqlite:${partial}`,
    logFile: resolve(DATA_DIR, 'generate-api.log'),
    uploadDir: resolve(DATA_DIR, 'uploads'),
  });
  await api.stop();
  fill(partial, options);
  renameSync(partial, path);
  const { tickets, seed, users, agents } = options;
  const done = {
    tickets,
    seed,
    users,
    agents,
    layout: DATA_LAYOUT,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(doneFile, JSON.stringify(done, null, 2));
  console.log(`Generated in ${done.seconds} s`);
  return { path, meta: done };
}

/** Secondary indexes are dropped during the load and rebuilt from their own SQL afterwards. */
function dropIndexes(db, tables) {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables);
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  return indexes;
}

function dropTriggers(db, table) {
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`)
    .all(table);
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  return triggers;
}

function fill(path, options) {
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  db.pragma('locking_mode = EXCLUSIVE');
  // Comments keep their index: the ticket's search document reads them by ticket.
  const indexes = dropIndexes(db, ['tickets', 'ticket_history']);
  // A ticket's search document holds its comments: they go in first (foreign keys off for the
  // load) with their triggers dropped, so the ticket's own insert trigger indexes it once.
  db.pragma('foreign_keys = OFF');
  const commentTriggers = dropTriggers(db, 'comments');
  const insert = {
    user: db.prepare(
      'INSERT INTO users (name, email, password_hash, role, active, created_at) VALUES (?, ?, ?, ?, 1, ?)',
    ),
    ticket: db.prepare(
      `INSERT INTO tickets (id, subject, description, status, priority, priority_rank, owner_id,
        assignee_id, rating_stars, rating_feedback, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    comment: db.prepare(
      'INSERT INTO comments (ticket_id, author_id, body, created_at) VALUES (?, ?, ?, ?)',
    ),
    history: db.prepare(
      `INSERT INTO ticket_history (ticket_id, actor_id, action, from_value, to_value, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
  const hash = benchPasswordHash();
  const rng = createRng(options.seed);
  const people = rowsOf(rng, options);
  const userIds = { agents: [], users: [] };
  db.transaction(() => {
    for (const user of people.users(hash)) {
      const { lastInsertRowid } = insert.user.run(...user.values);
      userIds[user.role === 'agent' ? 'agents' : 'users'].push(Number(lastInsertRowid));
    }
  })();

  const firstId = (db.prepare('SELECT max(id) AS id FROM tickets').get().id ?? 0) + 1;
  const started = Date.now();
  const writeBatch = db.transaction((from, to) => {
    for (let n = from; n < to; n += 1) {
      const ticket = people.ticket(firstId + n, n, userIds);
      for (const comment of ticket.comments) insert.comment.run(...comment);
      insert.ticket.run(...ticket.values);
      for (const entry of ticket.history) insert.history.run(...entry);
    }
  });
  for (let from = 0; from < options.tickets; from += BATCH) {
    const to = Math.min(options.tickets, from + BATCH);
    writeBatch(from, to);
    progress('tickets', to, options.tickets, started);
  }
  endProgress();
  const indexStart = Date.now();
  for (const { name, sql } of indexes) {
    db.exec(sql);
    process.stdout.write(`  index ${name} (${secondsSince(indexStart)} s)\n`);
  }
  for (const { sql } of commentTriggers) db.exec(sql);
  process.stdout.write('  vocabulary of indexed words (replies were loaded without triggers)\n');
  db.exec(`INSERT OR IGNORE INTO search_terms (term)
    SELECT term FROM tickets_fts_terms WHERE col IN ('words', 'staff')`);
  process.stdout.write('\n  analyze + optimize fts...');
  db.exec("INSERT INTO tickets_fts (tickets_fts) VALUES ('optimize')");
  db.exec('ANALYZE');
  db.pragma('journal_mode = DELETE');
  db.close();
  process.stdout.write(' done\n');
}
