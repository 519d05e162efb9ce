import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { engineOf } from './engine';

/**
 * Runs a unit of work in one transaction. better-sqlite3 gives TypeORM a single
 * connection, so two interleaved transactions would nest inside each other; on SQLite
 * they are therefore queued and run one after another.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (engineOf(this.dataSource) === 'postgres') {
      return this.dataSource.transaction(work);
    }
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
