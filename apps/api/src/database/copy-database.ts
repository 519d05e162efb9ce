import type { DataSource, QueryRunner } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions, openDataSource } from './data-source';
import { toIsoTimestamp } from './db-time';

/**
 * In foreign-key order. The search index and `ticket_tags` are derived from these rows and
 * rebuilt by the target's own triggers.
 */
const TABLES = [
  { name: 'users', key: 'id' },
  { name: 'sessions', key: 'token_hash' },
  { name: 'login_failures', key: 'id' },
  { name: 'tickets', key: 'id' },
  { name: 'comments', key: 'id' },
  { name: 'ticket_history', key: 'id' },
  { name: 'attachments', key: 'id' },
  { name: 'mail_outbox', key: 'id' },
  { name: 'desk_settings', key: 'id' },
  { name: 'sla_notices', key: 'id' },
  { name: 'canned_replies', key: 'id' },
  { name: 'password_reset_tokens', key: 'token_hash' },
  { name: 'mail_messages', key: 'id' },
  { name: 'mail_mailbox', key: 'id' },
  { name: 'saved_views', key: 'id' },
] as const;

/** Rows the target's own migrations put in, replaced by the source's. */
const SEEDED_TABLES = ['desk_settings', 'mail_mailbox'];

const BATCH_SIZE = 1000;

interface SqliteColumn {
  name: string;
  type: string;
}

export type CopyReport = Record<string, number>;

/**
 * Copies every row of a SQLite database into an empty PostgreSQL one, ids included, in one
 * transaction: the target ends up with all of it or none of it. Attachment files stay in
 * UPLOAD_DIR; their storage keys are copied unchanged.
 */
export async function copySqliteToPostgres(
  from: DatabaseConfig & { engine: 'sqlite' },
  to: DatabaseConfig & { engine: 'postgres' },
  log: (line: string) => void = () => undefined,
): Promise<CopyReport> {
  const source = await openDataSource(dataSourceOptions(from));
  const target = await openDataSource(dataSourceOptions(to));
  try {
    const [{ count }] = await target.query('SELECT COUNT(*)::int AS count FROM users');
    if (count > 0) throw new Error('The target database is not empty: copy only into a new one');
    const runner = target.createQueryRunner();
    await runner.startTransaction();
    try {
      const report: CopyReport = {};
      for (const table of SEEDED_TABLES) await runner.query(`DELETE FROM ${table}`);
      for (const table of TABLES) {
        report[table.name] = await copyTable(source, runner, table.name, table.key);
        log(`${table.name}: ${report[table.name]} rows`);
      }
      await runner.commitTransaction();
      await verifyCounts(target, report);
      return report;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  } finally {
    await Promise.all([source.destroy(), target.destroy()]);
  }
}

async function copyTable(
  source: DataSource,
  target: QueryRunner,
  table: string,
  key: string,
): Promise<number> {
  const columns: SqliteColumn[] = await source.query(`PRAGMA table_info(${table})`);
  const names = columns.map((column) => column.name);
  let copied = 0;
  let after: unknown = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await source.query(
      `SELECT * FROM ${table} ${after === null ? '' : `WHERE ${key} > ?`} ORDER BY ${key} LIMIT ${BATCH_SIZE}`,
      after === null ? [] : [after],
    );
    if (rows.length === 0) break;
    const values = rows.flatMap((row) =>
      columns.map((column) => toPostgres(column, row[column.name])),
    );
    const placeholders = rows
      .map((_, r) => `(${names.map((__, c) => `$${r * names.length + c + 1}`).join(', ')})`)
      .join(', ');
    await target.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES ${placeholders}`, values);
    copied += rows.length;
    after = rows.at(-1)?.[key];
  }
  if (key === 'id') {
    await target.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM ${table}`,
    );
  }
  return copied;
}

function toPostgres(column: SqliteColumn, value: unknown): unknown {
  if (value === null) return null;
  const type = column.type.toLowerCase();
  if (type === 'datetime') return toIsoTimestamp(value as string);
  if (type === 'boolean') return Boolean(value);
  return value;
}

async function verifyCounts(target: DataSource, expected: CopyReport): Promise<void> {
  for (const [table, rows] of Object.entries(expected)) {
    const [{ count }] = await target.query(`SELECT COUNT(*)::int AS count FROM ${table}`);
    if (count !== rows)
      throw new Error(`${table}: copied ${rows} rows but the target has ${count}`);
  }
}
