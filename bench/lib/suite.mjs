import { copyFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseActors, signIn } from './actors.mjs';
import { drive, driveWithWarmup, settle } from './driver.mjs';
import { DATA_DIR, ensureDatabase } from './generate.mjs';
import { chooseActorsPg, ensurePgDatabase, pgWorkCopy } from './pg.mjs';
import { peakRssMb, startApi, startFloor } from './processes.mjs';
import { createScenarios } from './scenarios.mjs';

const SIGNED_IN_USERS = 24;
const SIGNED_IN_AGENTS = 8;

function workCopy(path) {
  const work = resolve(DATA_DIR, 'work.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  copyFileSync(path, work);
  return work;
}

async function runAll(server, scenarios, options) {
  // A fresh process first gets every read scenario once, untimed, so the JIT is warm.
  for (const scenario of scenarios.filter((s) => s.kind === 'read')) {
    if (options.warmup > 0)
      await drive(server.url, scenario, { ...options, duration: options.warmup });
    await settle(server);
  }
  const results = {};
  for (const scenario of scenarios) {
    const result = await driveWithWarmup(server, scenario, options);
    results[scenario.name] = result;
    const errors =
      result.errors > 0 ? `, ${result.errors} ERRORS ${JSON.stringify(result.errorSamples)}` : '';
    console.log(
      `  ${server.name.padEnd(5)} ${scenario.name.padEnd(28)} ${String(result.rps).padStart(6)} req/s` +
        `  p50 ${result.p50} ms  p99 ${result.p99} ms${errors}`,
    );
  }
  return results;
}

/**
 * One size: a fresh copy of the generated database, the API (signed-in actors, every scenario,
 * peak RSS), then the floor on the same copy with the same request sequence.
 */
/** A fresh work copy of the generated data set for this size, and the actors chosen from it. */
async function prepare(size, options) {
  const who = { users: SIGNED_IN_USERS, agents: SIGNED_IN_AGENTS };
  if (options.engine === 'postgres') {
    const { name, meta } = await ensurePgDatabase(options.pgServer, { ...options, tickets: size });
    const url = await pgWorkCopy(options.pgServer, name);
    return {
      meta,
      databaseUrl: url,
      floor: { pgUrl: url },
      actors: await chooseActorsPg(url, who),
    };
  }
  const { path, meta } = await ensureDatabase({ ...options, tickets: size });
  const work = workCopy(path);
  return {
    meta,
    databaseUrl: `sqlite:${work}`,
    floor: { databasePath: work },
    actors: chooseActors(work, who),
  };
}

/**
 * One size: a fresh copy of the generated database, the API (signed-in actors, every scenario,
 * peak RSS), then the floor on the same copy with the same request sequence.
 */
export async function runSuite(size, options, { onlyScaling }) {
  const { meta, databaseUrl, floor: floorTarget, actors } = await prepare(size, options);
  const scenarios = createScenarios(actors, options.seed).filter((s) => !onlyScaling || s.scaling);
  // Reads first, writes after, so reads see the generated data as it is.
  scenarios.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'read' ? -1 : 1));
  const load = {
    connections: options.connections,
    duration: options.duration,
    warmup: options.warmup,
  };

  console.log(`\n== ${size} tickets (${options.engine}): API`);
  const api = await startApi({
    databaseUrl,
    logFile: resolve(DATA_DIR, 'api.log'),
    uploadDir: resolve(DATA_DIR, 'uploads'),
  });
  let ours;
  let rssMb;
  try {
    for (const actor of [...actors.users, ...actors.agents, actors.admin])
      await signIn(api.url, actor);
    ours = await runAll(api, scenarios, load);
    rssMb = peakRssMb(api.pid);
  } finally {
    await api.stop();
  }
  console.log(`  api peak RSS ${rssMb} MB\n== ${size} tickets (${options.engine}): floor`);
  const floorServer = await startFloor({ ...floorTarget, logFile: resolve(DATA_DIR, 'floor.log') });
  let floor;
  try {
    floor = await runAll(floorServer, scenarios, load);
  } finally {
    await floorServer.stop();
  }
  const rows = scenarios.map((s) => ({
    scenario: s.name,
    kind: s.kind,
    ours: ours[s.name],
    floor: floor[s.name],
    ratio: floor[s.name].rps > 0 ? ours[s.name].rps / floor[s.name].rps : null,
  }));
  return { tickets: size, generationSeconds: meta.seconds, apiPeakRssMb: rssMb, rows };
}
