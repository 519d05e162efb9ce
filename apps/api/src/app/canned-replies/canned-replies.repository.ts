import type { CannedReply } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowLock } from '../../database/engine';
import { toIsoTimestamp } from '../../database/db-time';
import { CannedReplyEntity } from './canned-reply.entity';

interface CannedReplyRow {
  id: number;
  title: string;
  body: string;
  updatedAt: Date | string;
  createdById: number;
  createdByName: string;
}

/** Every query of the canned_replies table. */
@Injectable()
export class CannedRepliesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In title order; `q` matches part of the title or body, any letter case. */
  async list(q: string | undefined): Promise<CannedReply[]> {
    const query = this.withAuthor(this.dataSource.manager);
    if (q) {
      const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where(
        "(LOWER(r.title) LIKE :pattern ESCAPE '\\' OR LOWER(r.body) LIKE :pattern ESCAPE '\\')",
        { pattern },
      );
    }
    const rows = await query
      .orderBy('LOWER(r.title)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawMany<CannedReplyRow>();
    return rows.map(toCannedReply);
  }

  /** One reply as the API shows it, inside the caller's transaction. */
  async find(manager: EntityManager, id: number): Promise<CannedReply | null> {
    const row = await this.withAuthor(manager)
      .where('r.id = :id', { id })
      .getRawOne<CannedReplyRow>();
    return row ? toCannedReply(row) : null;
  }

  /** Locked until the transaction ends. */
  findForUpdate(manager: EntityManager, id: number): Promise<CannedReplyEntity | null> {
    return manager.findOne(CannedReplyEntity, { where: { id }, lock: rowLock(manager) });
  }

  async insert(
    manager: EntityManager,
    reply: Pick<CannedReplyEntity, 'title' | 'body' | 'createdById' | 'createdAt' | 'updatedAt'>,
  ): Promise<number> {
    const { identifiers } = await manager.insert(CannedReplyEntity, reply);
    return identifiers[0]?.['id'] as number;
  }

  async update(
    manager: EntityManager,
    id: number,
    change: Partial<Pick<CannedReplyEntity, 'title' | 'body' | 'updatedAt'>>,
  ): Promise<void> {
    await manager.update(CannedReplyEntity, { id }, change);
  }

  async delete(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(CannedReplyEntity, { id });
  }

  private withAuthor(manager: EntityManager) {
    return manager
      .createQueryBuilder(CannedReplyEntity, 'r')
      .innerJoin('users', 'author', 'author.id = r.created_by')
      .select([
        'r.id AS id',
        'r.title AS title',
        'r.body AS body',
        'r.updated_at AS "updatedAt"',
        'author.id AS "createdById"',
        'author.name AS "createdByName"',
      ]);
  }
}

function toCannedReply(row: CannedReplyRow): CannedReply {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    createdBy: { id: row.createdById, name: row.createdByName },
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}
