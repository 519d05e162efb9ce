import type { SessionUser } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const SESSION_CACHE_MS = 1000;
const SESSION_CACHE_ENTRIES = 10_000;

export interface ResolvedSession {
  user: SessionUser;
  tokenHash: string;
  csrfToken: string;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Server-side sessions in the database, so they can be revoked and shared by instances. */
@Injectable()
export class SessionsService {
  private readonly cache = new SessionCache(SESSION_CACHE_MS, SESSION_CACHE_ENTRIES);

  constructor(
    private readonly transactions: Transactions,
    private readonly sessions: SessionsRepository,
  ) {}

  async create(userId: number): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.transactions.run((manager) =>
      this.sessions.insert(manager, {
        tokenHash: hashToken(token),
        userId,
        csrfToken,
        createdAt: now,
        expiresAt,
      }),
    );
    return { token, csrfToken, expiresAt };
  }

  /** The live session of a cookie token, or null when it is unknown, expired or its user is inactive. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const row = await this.sessions.findLive(tokenHash);
    if (!row) return null;
    const { csrfToken, ...user } = row;
    const session = { user, tokenHash, csrfToken };
    this.cache.set(session);
    return session;
  }

  /** A user's name or role changed: their cached sessions are read again. */
  forgetUser(userId: number): void {
    this.cache.forgetUser(userId);
  }

  /** Whether a session (by its stored hash) is still valid and its user active. */
  isLive(tokenHash: string): Promise<boolean> {
    return this.sessions.isLive(tokenHash);
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.transactions.run((manager) => this.sessions.delete(manager, tokenHash));
    this.cache.forgetSession(tokenHash);
  }

  /** Ends every session of a user, inside the caller's transaction. */
  async revokeAllOf(manager: EntityManager, userId: number): Promise<void> {
    this.cache.forgetUser(userId);
    await this.sessions.deleteAllOf(manager, userId);
  }

  /** Ends every session of a user but one (theirs, in use), inside the caller's transaction. */
  async revokeOthersOf(
    manager: EntityManager,
    userId: number,
    keepTokenHash: string,
  ): Promise<void> {
    this.cache.forgetUser(userId);
    await this.sessions.deleteAllOfExcept(manager, userId, keepTokenHash);
  }
}
