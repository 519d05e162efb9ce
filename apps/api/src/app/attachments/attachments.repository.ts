import type { Attachment } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { AttachmentEntity } from './attachment.entity';

interface AttachmentRow {
  id: number;
  filename: string;
  size: number;
  contentType: string;
  createdAt: Date | string;
  uploaderId: number;
  uploaderName: string;
}

export type NewAttachment = Pick<
  AttachmentEntity,
  'ticketId' | 'uploadedById' | 'filename' | 'storageKey' | 'size' | 'contentType' | 'createdAt'
>;

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listForTicket(ticketId: number): Promise<Attachment[]> {
    const rows = await this.query()
      .where('a.ticket_id = :ticketId', { ticketId })
      .getRawMany<AttachmentRow>();
    return rows.map(toAttachment);
  }

  async findOne(id: number): Promise<Attachment | null> {
    const row = await this.query().where('a.id = :id', { id }).getRawOne<AttachmentRow>();
    return row ? toAttachment(row) : null;
  }

  findStored(id: number): Promise<AttachmentEntity | null> {
    return this.dataSource.getRepository(AttachmentEntity).findOneBy({ id });
  }

  async insert(manager: EntityManager, attachment: NewAttachment): Promise<number> {
    const { identifiers } = await manager.insert(AttachmentEntity, attachment);
    return identifiers[0]?.['id'] as number;
  }

  private query() {
    return this.dataSource
      .createQueryBuilder(AttachmentEntity, 'a')
      .innerJoin('users', 'uploader', 'uploader.id = a.uploaded_by')
      .select([
        'a.id AS id',
        'a.filename AS filename',
        'a.size AS size',
        'a.content_type AS "contentType"',
        'a.created_at AS "createdAt"',
        'uploader.id AS "uploaderId"',
        'uploader.name AS "uploaderName"',
      ])
      .orderBy('a.id', 'ASC');
  }
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    size: Number(row.size),
    contentType: row.contentType,
    uploadedBy: { id: row.uploaderId, name: row.uploaderName },
    createdAt: toIsoTimestamp(row.createdAt),
  };
}
