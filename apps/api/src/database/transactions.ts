import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { engineOf } from './engine';

type AfterCommit = () => void;

/**
 * Runs a unit of work in one transaction. better-sqlite3 gives TypeORM a single
 * connection, so two interleaved transactions would nest inside each other; on SQLite
 * they are therefore queued and run one after another.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly afterCommitHooks = new WeakMap<EntityManager, AfterCommit[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (engineOf(this.dataSource) === 'postgres') return this.transaction(work);
    const result = this.queue.then(() => this.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Runs `hook` once the transaction of `manager` has committed; never if it rolls back. */
  afterCommit(manager: EntityManager, hook: AfterCommit): void {
    const hooks = this.afterCommitHooks.get(manager);
    if (!hooks) throw new Error('afterCommit needs a transaction started by Transactions.run');
    hooks.push(hook);
  }

  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const hooks: AfterCommit[] = [];
    const result = await this.dataSource.transaction((manager) => {
      this.afterCommitHooks.set(manager, hooks);
      return work(manager);
    });
    for (const hook of hooks) hook();
    return result;
  }
}
