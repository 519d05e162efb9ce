/**
 * Profiles the API under one scenario: `node bench/profile.mjs --tickets 100000 --scenario "add a comment"`.
 * Runs the built API with `--prof` on a copy of a generated data set, drives the scenario, and
 * prints the bottom-up summary of `node --prof-process` (the full report goes to bench/.data/prof/).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseActors, signIn } from './lib/actors.mjs';
import { drive } from './lib/driver.mjs';
import { DATA_DIR, ensureDatabase } from './lib/generate.mjs';
import { API_MAIN, freePort, peakRssMb } from './lib/processes.mjs';
import { createScenarios } from './lib/scenarios.mjs';
import { spawn } from 'node:child_process';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    scenario: { type: 'string', default: 'user ticket list' },
    seconds: { type: 'string', default: '10' },
  },
});
const { path } = await ensureDatabase({
  tickets: Number(values.tickets),
  seed: 42,
  users: 10000,
  agents: 100,
});
const dir = resolve(DATA_DIR, 'prof');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const work = resolve(dir, 'profile.sqlite');
copyFileSync(path, work);
const port = await freePort();
const api = spawn(process.execPath, ['--prof', API_MAIN], {
  cwd: dir,
  stdio: 'ignore',
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite:${work}`,
    REQUEST_LOGS: 'off',
    SESSION_SECRET: 'bench-session-secret-of-at-least-32-characters',
    UPLOAD_DIR: resolve(dir, 'uploads'),
  },
});
const url = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(`${url}/api/health`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}
console.log(`idle API RSS (VmHWM so far): ${peakRssMb(api.pid)} MB`);
const actors = chooseActors(work, { users: 24, agents: 8 });
for (const actor of [...actors.users, ...actors.agents, actors.admin]) await signIn(url, actor);
const scenario = createScenarios(actors, 42).find((s) => s.name === values.scenario);
if (!scenario) throw new Error(`no scenario "${values.scenario}"`);
const result = await drive(url, scenario, { connections: 32, duration: Number(values.seconds) });
console.log(
  `${scenario.name}: ${result.rps} req/s, p99 ${result.p99} ms, errors ${result.errors} ${JSON.stringify(result.errorSamples)}, peak RSS ${peakRssMb(api.pid)} MB`,
);
api.kill('SIGKILL');
await new Promise((r) => api.once('exit', r));
const log = readdirSync(dir).find((file) => file.startsWith('isolate'));
const report = execFileSync(process.execPath, ['--prof-process', resolve(dir, log)], {
  maxBuffer: 1 << 28,
}).toString();
writeFileSync(resolve(dir, 'report.txt'), report);
const summary = report.indexOf('[Bottom up (heavy) profile]');
console.log(report.slice(0, 3000));
console.log(report.slice(summary, summary + 6000));
