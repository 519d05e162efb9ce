import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { LoginFailureEntity } from './login-failure.entity';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Counts failed sign-ins per account and per client address in the database, so the limit
 * holds across restarts and API instances. Checked before any password is hashed.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - LOGIN_FAILURE_WINDOW_MS);
    const rows = await this.dataSource
      .createQueryBuilder(LoginFailureEntity, 'f')
      .select('f.throttle_key', 'key')
      .addSelect('COUNT(*)', 'failures')
      .where('f.throttle_key IN (:...keys)', { keys: throttleKeys(email, ip) })
      .andWhere('f.at > :since', { since })
      .groupBy('f.throttle_key')
      .getRawMany<{ key: string; failures: number | string }>();
    if (rows.some((row) => Number(row.failures) >= LOGIN_FAILURE_LIMIT)) {
      throw new HttpException(
        'Too many failed sign-in attempts; try again in 15 minutes',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const now = new Date();
    await this.transactions.run(async (manager) => {
      await manager.delete(LoginFailureEntity, {
        at: LessThan(new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS)),
      });
      await manager.insert(
        LoginFailureEntity,
        throttleKeys(email, ip).map((throttleKey) => ({ throttleKey, at: now })),
      );
    });
  }

  /** A successful sign-in clears the account's count, not the address's. */
  async recordSuccess(email: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.delete(LoginFailureEntity, { throttleKey: accountKey(email) }),
    );
  }
}

function accountKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

function throttleKeys(email: string, ip: string): string[] {
  return [accountKey(email), `ip:${ip}`];
}
