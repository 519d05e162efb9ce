import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../src/config/app-config';

/** A database of its own for one test file, and how to throw it away afterwards. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * `HELPDESK_TEST_DATABASE=postgres` (with `HELPDESK_TEST_POSTGRES_URL`) runs the whole suite
 * on PostgreSQL; anything else, or nothing, on a fresh SQLite file per test file.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  const engine = process.env['HELPDESK_TEST_DATABASE'] ?? 'sqlite';
  switch (engine) {
    case 'sqlite':
      return Promise.resolve(createSqliteTestDatabase());
    case 'postgres': {
      const url = process.env['HELPDESK_TEST_POSTGRES_URL'];
      if (!url) throw new Error('HELPDESK_TEST_DATABASE=postgres needs HELPDESK_TEST_POSTGRES_URL');
      return createPostgresTestDatabase(url);
    }
    default:
      throw new Error(`HELPDESK_TEST_DATABASE must be "sqlite" or "postgres", got "${engine}"`);
  }
}

function createSqliteTestDatabase(): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'helpdesk-e2e-db-'));
  return {
    config: { engine: 'sqlite', path: join(folder, `${randomUUID()}.sqlite`) },
    drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
}

/**
 * A new database on the PostgreSQL server at `serverUrl` for one test file; the app runs its
 * migrations into it on start, and `drop` removes it (closing any connection left open).
 */
export async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `helpdesk_e2e_${randomUUID().replace(/-/g, '')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { engine: 'postgres', url: url.toString() },
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
