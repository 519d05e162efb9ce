/**
 * Helpdesk benchmark: generates (or reuses) data sets, drives the real API and a raw floor
 * with autocannon, and writes bench/RESULTS.md, results.json and scaling.svg.
 * Never fails on speed; exits 1 only when a scenario got a non-2xx answer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readOptions } from './lib/args.mjs';
import { API_MAIN, ROOT } from './lib/processes.mjs';
import { dropPgWorkCopy, pgVersion } from './lib/pg.mjs';
import { machine, markdown, scalingSvg } from './lib/report.mjs';
import { runSuite } from './lib/suite.mjs';

function ensureBuiltApi() {
  if (existsSync(API_MAIN)) return;
  console.log('Building the API (dist/apps/api/main.js is missing)...');
  const build = spawnSync('npx', ['nx', 'build', 'api'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (build.status !== 0) throw new Error('nx build api failed');
}

async function main() {
  const argv = process.argv.slice(2);
  const options = readOptions(argv);
  ensureBuiltApi();

  const main = await runSuite(options.tickets, options, { onlyScaling: false });
  const scaling = [];
  for (const size of options.scaling) {
    if (size === options.tickets) {
      scaling.push({ ...main, rows: main.rows.filter((row) => row.kind === 'read').slice(0, 4) });
    } else {
      scaling.push(await runSuite(size, options, { onlyScaling: true }));
    }
  }
  scaling.sort((a, b) => a.tickets - b.tickets);

  const out = resolve(ROOT, options.out);
  const folder = dirname(out);
  mkdirSync(folder, { recursive: true });
  // One results.json holds both engines: a run replaces its own engine's part, keeps the other.
  const previous = readPrevious(join(folder, 'results.json'));
  const date = new Date().toISOString();
  let report;
  if (options.engine === 'postgres') {
    await dropPgWorkCopy(options.pgServer);
    const { pgServer, ...shown } = options;
    const server = `PostgreSQL ${await pgVersion(pgServer)}`;
    const postgres = { date, machine: machine(), server, options: shown, argv, main, scaling };
    report = { ...previous, postgres };
  } else {
    report = { date, machine: machine(), options, argv, main, scaling };
    if (previous?.postgres) report.postgres = previous.postgres;
  }
  writeFileSync(out, markdown(report));
  writeFileSync(join(folder, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  const svg = options.engine === 'sqlite' && scaling.length > 0;
  if (svg) writeFileSync(join(folder, 'scaling.svg'), scalingSvg(scaling));
  console.log(`\nWrote ${out}, results.json${svg ? ' and scaling.svg' : ''}`);

  const failed = [main, ...scaling].flatMap((suite) =>
    suite.rows.filter((row) => row.ours.errors + row.floor.errors > 0).map((row) => row.scenario),
  );
  if (failed.length > 0) {
    console.error(`Non-2xx answers in: ${[...new Set(failed)].join(', ')}`);
    process.exitCode = 1;
  }
}

function readPrevious(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
