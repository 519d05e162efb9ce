import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const API_MAIN = resolve(ROOT, 'dist/apps/api/main.js');
export const SESSION_SECRET = 'bench-session-secret-of-at-least-32-characters';
/** The V8 heap settings of `npm run serve` (package.json): the API is measured as it ships. */
const API_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256'];

/** A free TCP port on localhost. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts a node process with its output in `logFile`, and waits until `healthPath` answers 2xx. */
async function startProcess({ name, args, env, port, healthPath, logFile }) {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited (${JSON.stringify(exited)}); see ${logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 120 s; see ${logFile}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}${healthPath}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    port,
    healthPath,
    stop: () => stopChild(child, () => exited !== null),
  };
}

function stopChild(child, hasExited) {
  if (hasExited()) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** The built API on a SQLite (or PostgreSQL) database, request logs off. */
export async function startApi({ databaseUrl, logFile, uploadDir }) {
  const port = await freePort();
  return startProcess({
    name: 'api',
    args: [...API_NODE_FLAGS, API_MAIN],
    env: {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: uploadDir,
      SESSION_SECRET,
      REQUEST_LOGS: 'off',
      NODE_ENV: 'production',
      SMTP_URL: '',
      WEB_ROOT: resolve(ROOT, 'bench/.data/no-web'),
    },
    port,
    healthPath: '/api/health',
    logFile,
  });
}

/**
 * The raw floor: node:http + better-sqlite3 prepared statements, or with `pgUrl` node:http +
 * pg.Pool named statements (floor/pg-server.mjs).
 */
export async function startFloor({ databasePath, pgUrl, logFile }) {
  const port = await freePort();
  return startProcess({
    name: 'floor',
    args: [resolve(ROOT, pgUrl ? 'bench/floor/pg-server.mjs' : 'bench/floor/server.mjs')],
    env: pgUrl
      ? { PORT: String(port), FLOOR_PG_URL: pgUrl }
      : { PORT: String(port), FLOOR_DB: databasePath },
    port,
    healthPath: '/health',
    logFile,
  });
}

/** The peak resident set (VmHWM) of a process in MB, read from /proc. */
export function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
