import type { Role, SessionUser } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, LessThan } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async create(userId: number): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.transactions.run(async (manager) => {
      await manager.delete(SessionEntity, { expiresAt: LessThan(now) });
      await manager.insert(SessionEntity, {
        tokenHash: hashToken(token),
        userId,
        csrfToken,
        createdAt: now,
        expiresAt,
      });
    });
    return { token, csrfToken, expiresAt };
  }

  /** The live session of a cookie token, or null when it is unknown, expired or its user is inactive. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const row = await this.liveSession(tokenHash)
      .select(['u.id AS id', 'u.name AS name', 'u.email AS email', 'u.role AS role'])
      .addSelect('s.csrf_token', 'csrfToken')
      .getRawOne<{ id: number; name: string; email: string; role: Role; csrfToken: string }>();
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
  async isLive(tokenHash: string): Promise<boolean> {
    return (await this.liveSession(tokenHash).getCount()) > 0;
  }

  private liveSession(tokenHash: string) {
    return this.dataSource
      .createQueryBuilder(SessionEntity, 's')
      .innerJoin('users', 'u', 'u.id = s.user_id')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.expires_at > :now', { now: new Date() })
      .andWhere('u.active = :active', { active: true });
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.transactions.run((manager) => manager.delete(SessionEntity, { tokenHash }));
    this.cache.forgetSession(tokenHash);
  }

  /** Ends every session of a user, inside the caller's transaction. */
  async revokeAllOf(manager: EntityManager, userId: number): Promise<void> {
    this.cache.forgetUser(userId);
    await manager.delete(SessionEntity, { userId });
  }
}
