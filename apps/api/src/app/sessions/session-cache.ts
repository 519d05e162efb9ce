import type { ResolvedSession } from './sessions.service';

/**
 * Sessions this instance looked up in the last moment, so a busy browser costs one database
 * read per second rather than one per request. Revocations on this instance evict at once;
 * another instance's revocation or role change takes effect here within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: ResolvedSession; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(tokenHash: string): ResolvedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.session;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(session: ResolvedSession): void {
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(session.tokenHash, { session, until: Date.now() + this.ttlMs });
  }

  forgetSession(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: number): void {
    for (const [tokenHash, entry] of this.entries) {
      if (entry.session.user.id === userId) this.entries.delete(tokenHash);
    }
  }
}
