import type { Comment, Role } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { CommentEntity } from './comment.entity';

interface CommentRow {
  id: number;
  body: string;
  createdAt: Date | string;
  authorId: number;
  authorName: string;
  authorRole: Role;
  internal: boolean | number;
}

@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first; internal notes only `withInternal`. */
  async listForTicket(ticketId: number, withInternal: boolean): Promise<Comment[]> {
    const query = this.dataSource
      .createQueryBuilder(CommentEntity, 'c')
      .innerJoin('users', 'author', 'author.id = c.author_id')
      .select([
        'c.id AS id',
        'c.body AS body',
        'c.internal AS internal',
        'c.created_at AS "createdAt"',
        'author.id AS "authorId"',
        'author.name AS "authorName"',
        'author.role AS "authorRole"',
      ])
      .where('c.ticket_id = :ticketId', { ticketId })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (!withInternal) query.andWhere('c.internal = :internal', { internal: false });
    return (await query.getRawMany<CommentRow>()).map(toComment);
  }

  async insert(
    manager: EntityManager,
    comment: Pick<CommentEntity, 'ticketId' | 'authorId' | 'body' | 'internal' | 'createdAt'>,
  ): Promise<number> {
    const { identifiers } = await manager.insert(CommentEntity, comment);
    return identifiers[0]?.['id'] as number;
  }
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    body: row.body,
    internal: Boolean(row.internal),
    author: { id: row.authorId, name: row.authorName, role: row.authorRole },
    createdAt: toIsoTimestamp(row.createdAt),
  };
}
