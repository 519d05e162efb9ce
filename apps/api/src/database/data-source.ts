import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { bindSqliteIntegers } from './sqlite-bound-integers';
import { InitialSchemaPostgres1764000000000 } from './migrations/postgres/1764000000000-initial-schema';
import { DeskWorkPostgres1764200000000 } from './migrations/postgres/1764200000000-desk-work';
import { SlaPostgres1764600000000 } from './migrations/postgres/1764600000000-sla';
import { CannedRepliesAndPasswordResetPostgres1764300000000 } from './migrations/postgres/1764300000000-canned-replies-and-password-reset';
import { MailPostgres1764500000000 } from './migrations/postgres/1764500000000-mail';
import { InitialSchema1764000000000 } from './migrations/sqlite/1764000000000-initial-schema';
import { DeskWork1764200000000 } from './migrations/sqlite/1764200000000-desk-work';
import { Sla1764600000000 } from './migrations/sqlite/1764600000000-sla';
import { CannedRepliesAndPasswordReset1764300000000 } from './migrations/sqlite/1764300000000-canned-replies-and-password-reset';
import { Mail1764500000000 } from './migrations/sqlite/1764500000000-mail';
import { TriagePostgres1764400000000 } from './migrations/postgres/1764400000000-triage';
import { Triage1764400000000 } from './migrations/sqlite/1764400000000-triage';

const SQLITE_MIGRATIONS = [
  InitialSchema1764000000000,
  DeskWork1764200000000,
  CannedRepliesAndPasswordReset1764300000000,
  Sla1764600000000,
  Mail1764500000000,
  Triage1764400000000,
];
const POSTGRES_MIGRATIONS = [
  InitialSchemaPostgres1764000000000,
  DeskWorkPostgres1764200000000,
  CannedRepliesAndPasswordResetPostgres1764300000000,
  SlaPostgres1764600000000,
  MailPostgres1764500000000,
  TriagePostgres1764400000000,
];

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.engine === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      entities: ENTITIES,
      migrations: POSTGRES_MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      extra: { max: 20 },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  bindSqliteIntegers();
  return {
    type: 'better-sqlite3',
    statementCacheSize: 500,
    database: database.path,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    synchronize: false,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode survives a process crash; only power loss can drop the last commits.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // 32 MiB of page cache (the default is 2 MiB): a write touches several ticket indexes.
      db.pragma('cache_size = -32768');
      db.pragma('temp_store = MEMORY');
    },
  };
}

/** An arbitrary constant naming the advisory lock that migrating instances take turns on. */
const MIGRATION_LOCK = 727_001;

/** Brings the schema up to date; instances starting together on PostgreSQL take turns. */
export async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations();
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await runner.release();
  }
}

/** Opens the database and brings its schema up to date. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  await migrate(dataSource);
  return dataSource;
}
