import type { Role } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThan, Not } from 'typeorm';
import { SessionEntity } from './session.entity';

export interface SessionRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  csrfToken: string;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    session: Pick<SessionEntity, 'tokenHash' | 'userId' | 'csrfToken' | 'createdAt' | 'expiresAt'>,
  ): Promise<void> {
    await manager.delete(SessionEntity, { expiresAt: LessThan(session.createdAt) });
    await manager.insert(SessionEntity, session);
  }

  /** The session's user and CSRF token while it is unexpired and its user active. */
  findLive(tokenHash: string): Promise<SessionRow | undefined> {
    return this.liveSession(tokenHash)
      .select(['u.id AS id', 'u.name AS name', 'u.email AS email', 'u.role AS role'])
      .addSelect('s.csrf_token', 'csrfToken')
      .getRawOne<SessionRow>();
  }

  async isLive(tokenHash: string): Promise<boolean> {
    return (await this.liveSession(tokenHash).getCount()) > 0;
  }

  async delete(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.delete(SessionEntity, { tokenHash });
  }

  async deleteAllOf(manager: EntityManager, userId: number): Promise<void> {
    await manager.delete(SessionEntity, { userId });
  }

  async deleteAllOfExcept(
    manager: EntityManager,
    userId: number,
    keepTokenHash: string,
  ): Promise<void> {
    await manager.delete(SessionEntity, { userId, tokenHash: Not(keepTokenHash) });
  }

  private liveSession(tokenHash: string) {
    return this.dataSource
      .createQueryBuilder(SessionEntity, 's')
      .innerJoin('users', 'u', 'u.id = s.user_id')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.expires_at > :now', { now: new Date() })
      .andWhere('u.active = :active', { active: true });
  }
}
