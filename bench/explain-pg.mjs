/**
 * PostgreSQL plans and timings of the hot queries (the API's SQL, as the floor sends it) on a
 * generated database: `node bench/explain-pg.mjs bench_1000000_seed_42 [server-url]`.
 * Prints EXPLAIN (ANALYZE, BUFFERS) of each, after one untimed run.
 */
import pg from 'pg';
import { DEFAULT_PG_URL, urlOf } from './lib/pg.mjs';

const client = new pg.Client({
  connectionString: urlOf(process.argv[3] ?? DEFAULT_PG_URL, process.argv[2]),
});
await client.connect();
const one = async (sql, values = []) => (await client.query(sql, values)).rows[0];
const owner = (await one('SELECT owner_id FROM tickets WHERE id = 5000')).owner_id;
const agent = (await one("SELECT id FROM users WHERE email = 'bench-agent-7@example.com'")).id;
const SUMMARY = `t.id, t.subject, t.status, t.priority, t.owner_id, owner.name, t.assignee_id,
  assignee.name, t.created_at, t.updated_at`;
const FROM = `FROM tickets t INNER JOIN users owner ON owner.id = t.owner_id
  LEFT JOIN users assignee ON assignee.id = t.assignee_id`;
const ORDER = 'ORDER BY t.updated_at DESC, t.id DESC LIMIT 25 OFFSET 0';
const SEARCH = "t.search_vector @@ to_tsquery('simple', $2)";
const cases = [
  ['user list page', `SELECT ${SUMMARY} ${FROM} WHERE t.owner_id = $1 ${ORDER}`, [owner]],
  ['user list count', 'SELECT COUNT(*) FROM tickets t WHERE t.owner_id = $1', [owner]],
  [
    'agent queue page',
    `SELECT ${SUMMARY} ${FROM} WHERE t.assignee_id = $1 AND t.status IN ($2) ${ORDER}`,
    [agent, 'open'],
  ],
  [
    'agent queue count',
    'SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = $1 AND t.status IN ($2)',
    [agent, 'open'],
  ],
  [
    'user search page',
    `SELECT ${SUMMARY} ${FROM} WHERE t.owner_id = $1 AND ${SEARCH} ${ORDER}`,
    [owner, `'vpn':*A & ('o${owner}':D)`],
  ],
  [
    'user search count',
    `SELECT COUNT(*) FROM tickets t WHERE t.owner_id = $1 AND ${SEARCH}`,
    [owner, `'vpn':*A & ('o${owner}':D)`],
  ],
  [
    'admin search page',
    `SELECT ${SUMMARY} ${FROM} WHERE 1 = 1 AND t.search_vector @@ to_tsquery('simple', $1) ${ORDER}`,
    ["'vpn':*AB"],
  ],
  [
    'admin search count',
    `SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE t.search_vector @@ to_tsquery('simple', $1) LIMIT 1001) m`,
    ["'vpn':*AB"],
  ],
  [
    'admin search page (badge)',
    `SELECT ${SUMMARY} ${FROM} WHERE 1 = 1 AND t.search_vector @@ to_tsquery('simple', $1) ${ORDER}`,
    ["'badge':*AB"],
  ],
  [
    'admin search page (reply word)',
    `SELECT ${SUMMARY} ${FROM} WHERE 1 = 1 AND t.search_vector @@ to_tsquery('simple', $1) ${ORDER}`,
    ["'screenshot':*AB"],
  ],
  [
    'admin search count (reply word)',
    `SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE t.search_vector @@ to_tsquery('simple', $1) LIMIT 1001) m`,
    ["'screenshot':*AB"],
  ],
  [
    'comments',
    'SELECT c.id FROM comments c JOIN users u ON u.id = c.author_id WHERE c.ticket_id = $1 ORDER BY c.created_at, c.id',
    [5000],
  ],
  [
    'history',
    'SELECT h.id FROM ticket_history h JOIN users u ON u.id = h.actor_id WHERE h.ticket_id = $1 ORDER BY h.id',
    [5000],
  ],
];
for (const [name, sql, values] of cases) {
  await client.query(sql, values);
  const started = performance.now();
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
  console.log(`\n== ${name} (${(performance.now() - started).toFixed(1)} ms)`);
  console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
}
await client.end();
