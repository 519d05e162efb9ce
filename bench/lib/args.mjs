import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run bench -- [options]
  --tickets N        tickets in the main data set (default 1000000)
  --duration S       seconds per scenario and server (default 10)
  --warmup S         untimed seconds before each scenario (default 1)
  --connections N    concurrent connections (default 32)
  --scaling LIST     off, or ticket counts for the scaling run (default 10000,100000,1000000)
  --seed N           random seed of the data set (default 42)
  --users N          users in the data set (default 10000)
  --agents N         agents in the data set (default 100)
  --engine NAME      sqlite (default) or postgres; DATABASE_URL=postgres://... implies postgres
                     and names the server (the database in the URL is not used)
  --out FILE         Markdown report (default bench/RESULTS.md; JSON and SVG beside it)`;

export function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      tickets: { type: 'string', default: '1000000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '32' },
      scaling: { type: 'string', default: '10000,100000,1000000' },
      seed: { type: 'string', default: '42' },
      users: { type: 'string', default: '10000' },
      agents: { type: 'string', default: '100' },
      out: { type: 'string', default: 'bench/RESULTS.md' },
      engine: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name) => {
    const value = Number(values[name].replace(/_/g, ''));
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`--${name} must be a number\n${USAGE}`);
    return value;
  };
  const scaling =
    values.scaling === 'off'
      ? []
      : values.scaling.split(',').map((size) => Number(size.replace(/_/g, '')));
  return {
    tickets: number('tickets'),
    duration: number('duration'),
    warmup: number('warmup'),
    connections: number('connections'),
    seed: number('seed'),
    users: number('users'),
    agents: number('agents'),
    scaling,
    out: values.out,
    ...engineOf(values.engine),
  };
}

/** The engine of the run and, for PostgreSQL, the server's URL. */
function engineOf(flag) {
  const env = process.env.DATABASE_URL ?? '';
  const fromEnv = /^postgres(ql)?:\/\//.test(env);
  const engine = flag ?? (fromEnv ? 'postgres' : 'sqlite');
  if (engine === 'sqlite') {
    if (fromEnv)
      throw new Error('--engine sqlite with a PostgreSQL DATABASE_URL; unset one of them');
    return { engine };
  }
  if (engine !== 'postgres') throw new Error(`--engine must be sqlite or postgres\n${USAGE}`);
  return { engine, pgServer: fromEnv ? env : 'postgres://postgres@127.0.0.1:5432/postgres' };
}
