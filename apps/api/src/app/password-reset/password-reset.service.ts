import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Transactions } from '../../database/transactions';
import { LoginThrottleService, type ThrottledAction } from '../auth/login-throttle.service';
import { OutboxRepository } from '../notifications/outbox.repository';
import { SessionsService } from '../sessions/sessions.service';
import { hashPassword } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { passwordResetMail } from './password-reset-mail';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';

export const RESET_TOKEN_VALID_MINUTES = 60;

/** Every request counts (whether the address is known must not show), under its own keys. */
const PASSWORD_RESET: ThrottledAction = {
  prefix: 'reset:',
  refusal: 'Too many password reset requests; try again in 15 minutes',
};

const INVALID_LINK = 'This password reset link is invalid, used or expired; ask for a new one';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Password reset by e-mail: a single-use link, valid for an hour, that ends every session. */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly tokens: PasswordResetTokensRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxRepository,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Mails a link to an active account with this address; unknown addresses get nothing. */
  async request(email: string, ip: string): Promise<void> {
    await this.throttle.assertAllowed(email, ip, PASSWORD_RESET);
    await this.throttle.recordFailure(email, ip, PASSWORD_RESET);
    const user = await this.users.findByEmail(email);
    if (!user?.active) return;
    const token = randomBytes(32).toString('base64url');
    const link = `${this.config.publicUrl}/reset-password?token=${token}`;
    const now = new Date();
    await this.transactions.run(async (manager) => {
      await this.tokens.insert(manager, {
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_TOKEN_VALID_MINUTES * 60_000),
      });
      await this.outbox.enqueue(
        manager,
        [user.email],
        passwordResetMail(user.email, link, RESET_TOKEN_VALID_MINUTES),
      );
    });
  }

  /**
   * Sets the password of the token's account and ends all of its sessions. The token, and any
   * other link sent to that account, is used up.
   */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const tokenHash = hashToken(token);
    const now = new Date();
    const user = await this.transactions.run(async (manager) => {
      const found = await this.tokens.findForUpdate(manager, tokenHash);
      if (!found) throw new BadRequestException(INVALID_LINK);
      const user = await this.users.findForUpdate(manager, found.userId);
      if (!user?.active || !(await this.tokens.useAllOf(manager, user.id, tokenHash, now))) {
        throw new BadRequestException(INVALID_LINK);
      }
      user.passwordHash = passwordHash;
      await this.users.save(manager, user);
      await this.sessions.revokeAllOf(manager, user.id);
      return user;
    });
    this.sessions.forgetUser(user.id);
    // Failed sign-ins before the reset no longer hold the account back.
    await this.throttle.recordSuccess(user.email);
  }
}
