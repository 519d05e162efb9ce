import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { LoginFailuresRepository } from './login-failures.repository';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** What is counted: each kind has its own key prefix, so the counts never mix. */
export interface ThrottledAction {
  prefix: string;
  /** The 429's message. */
  refusal: string;
}

export const SIGN_IN: ThrottledAction = {
  prefix: '',
  refusal: 'Too many failed sign-in attempts; try again in 15 minutes',
};

/**
 * Counts failed sign-ins per account and per client address in the database, so the limit
 * holds across restarts and API instances. Checked before any password is hashed. Other
 * actions (password reset requests) are counted the same way under their own prefix.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly failures: LoginFailuresRepository,
  ) {}

  async assertAllowed(email: string, ip: string, action = SIGN_IN): Promise<void> {
    const since = new Date(Date.now() - LOGIN_FAILURE_WINDOW_MS);
    const failures = await this.failures.countSince(throttleKeys(email, ip, action), since);
    if ([...failures.values()].some((count) => count >= LOGIN_FAILURE_LIMIT)) {
      throw new HttpException(action.refusal, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  async recordFailure(email: string, ip: string, action = SIGN_IN): Promise<void> {
    const now = new Date();
    const forgetBefore = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
    await this.transactions.run((manager) =>
      this.failures.record(manager, throttleKeys(email, ip, action), now, forgetBefore),
    );
  }

  /** A successful sign-in clears the account's count, not the address's. */
  async recordSuccess(email: string): Promise<void> {
    await this.transactions.run((manager) => this.failures.clear(manager, accountKey(email)));
  }
}

function accountKey(email: string, action = SIGN_IN): string {
  return `${action.prefix}email:${email.trim().toLowerCase()}`;
}

function throttleKeys(email: string, ip: string, action: ThrottledAction): string[] {
  return [accountKey(email, action), `${action.prefix}ip:${ip}`];
}
