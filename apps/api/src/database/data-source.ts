import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { InitialSchema1764000000000 } from './migrations/sqlite/1764000000000-initial-schema';

const SQLITE_MIGRATIONS = [InitialSchema1764000000000];

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.engine === 'postgres') {
    throw new Error('PostgreSQL support is not built yet: use DATABASE_URL=sqlite:<file>');
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode survives a process crash; only power loss can drop the last commits.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** Opens the database and brings its schema up to date. */
export async function openDataSource(database: DatabaseConfig): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  return dataSource;
}
