import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThan } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity';

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Failures per key since `since`; keys without any are left out. */
  async countSince(keys: readonly string[], since: Date): Promise<Map<string, number>> {
    const rows = await this.dataSource
      .createQueryBuilder(LoginFailureEntity, 'f')
      .select('f.throttle_key', 'key')
      .addSelect('COUNT(*)', 'failures')
      .where('f.throttle_key IN (:...keys)', { keys })
      .andWhere('f.at > :since', { since })
      .groupBy('f.throttle_key')
      .getRawMany<{ key: string; failures: number | string }>();
    return new Map(rows.map((row) => [row.key, Number(row.failures)]));
  }

  /** Records a failure under each key, dropping failures older than `forgetBefore`. */
  async record(
    manager: EntityManager,
    keys: readonly string[],
    at: Date,
    forgetBefore: Date,
  ): Promise<void> {
    await manager.delete(LoginFailureEntity, { at: LessThan(forgetBefore) });
    await manager.insert(
      LoginFailureEntity,
      keys.map((throttleKey) => ({ throttleKey, at })),
    );
  }

  async clear(manager: EntityManager, key: string): Promise<void> {
    await manager.delete(LoginFailureEntity, { throttleKey: key });
  }
}
