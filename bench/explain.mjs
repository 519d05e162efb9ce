/**
 * Query plans and timings on a generated data set, for findings:
 * `node bench/explain.mjs bench/.data/tickets-1000000-seed-42.sqlite`.
 * Each line: mean time of 10 runs, rows, first row, `EXPLAIN QUERY PLAN`. "API sql" lines are the
 * statements the API sends (TypeORM counts with COUNT(DISTINCT)); the others are alternatives.
 */
import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
const owner = db.prepare('SELECT owner_id FROM tickets WHERE id = 5000').pluck().get();
const time = (name, sql, args) => {
  const st = db.prepare(sql);
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...args)
    .map((r) => r.detail)
    .join(' | ');
  st.all(...args);
  const n = 10;
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1) st.all(...args);
  console.log(
    `${name.padEnd(30)} ${((performance.now() - t0) / n).toFixed(3)} ms rows=${st.all(...args).length} ${JSON.stringify(st.all(...args)[0]).slice(0, 40)} ${plan}`,
  );
};
const FTS = 't.id IN (SELECT rowid % 33554432 FROM tickets_fts WHERE tickets_fts MATCH ?)';
time('fts mine prefix', `SELECT rowid % 33554432 FROM tickets_fts WHERE tickets_fts MATCH ?`, [
  `{words staff} : ("vpn"*) AND scope : o${owner}`,
]);
time('fts mine exact', `SELECT rowid % 33554432 FROM tickets_fts WHERE tickets_fts MATCH ?`, [
  `{words staff} : ("vpn") AND scope : o${owner}`,
]);
time('fts all prefix count', `SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?`, [
  `{words staff} : ("vpn"*)`,
]);
time('fts all exact count', `SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?`, [
  `{words staff} : ("vpn")`,
]);
time(
  'all page (API sql)',
  `SELECT t.id FROM tickets t WHERE ${FTS} ORDER BY t.updated_at DESC, t.id DESC LIMIT 25`,
  [`{words staff} : ("vpn"*)`],
);
time(
  'all page indexed by updated',
  `SELECT t.id FROM tickets t INDEXED BY tickets_updated WHERE ${FTS} ORDER BY t.updated_at DESC, t.id DESC LIMIT 25`,
  [`{words staff} : ("vpn"*)`],
);
time(
  'all page fts rowid desc',
  `SELECT rowid % 33554432 FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT 25`,
  [`{words staff} : ("vpn"*)`],
);
time('all count (API sql)', `SELECT COUNT(DISTINCT t.id) FROM tickets t WHERE ${FTS}`, [
  `{words staff} : ("vpn"*)`,
]);
time(
  'mine page (API sql)',
  `SELECT t.id FROM tickets t WHERE t.owner_id = ? AND ${FTS} ORDER BY t.updated_at DESC, t.id DESC LIMIT 25`,
  [owner, `{words staff} : ("vpn"*) AND scope : o${owner}`],
);
time(
  'mine count (API sql)',
  `SELECT COUNT(DISTINCT t.id) FROM tickets t WHERE t.owner_id = ? AND ${FTS}`,
  [owner, `{words staff} : ("vpn"*) AND scope : o${owner}`],
);
