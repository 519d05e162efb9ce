import { type DataSource, EntityManager } from 'typeorm';

export type DatabaseEngine = 'sqlite' | 'postgres';

export function engineOf(source: DataSource | EntityManager): DatabaseEngine {
  const dataSource = source instanceof EntityManager ? source.connection : source;
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A row lock for read-then-write inside a transaction. PostgreSQL needs it (concurrent
 * transactions); SQLite's transactions already run one at a time (see Transactions).
 */
export function rowLock(manager: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return engineOf(manager) === 'postgres' ? { mode: 'pessimistic_write' } : undefined;
}
