import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { InitialSchemaPostgres1764000000000 } from './migrations/postgres/1764000000000-initial-schema';
import { InitialSchema1764000000000 } from './migrations/sqlite/1764000000000-initial-schema';

const SQLITE_MIGRATIONS = [InitialSchema1764000000000];
const POSTGRES_MIGRATIONS = [InitialSchemaPostgres1764000000000];

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.engine === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      entities: ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      migrationsRun: true,
      // Several instances may start at once: migrations run in one transaction each.
      migrationsTransactionMode: 'each',
      synchronize: false,
      extra: { max: 20 },
    };
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
