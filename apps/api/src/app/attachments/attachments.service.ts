import {
  type Actor,
  ATTACHMENT_MAX_BYTES,
  type Attachment,
  canUploadAttachment,
  HistoryAction,
} from '@helpdesk/shared/domain';
import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { Transactions } from '../../database/transactions';
import { HistoryService } from '../history/history.service';
import { type TicketChangedEvent, TicketEvent } from '../tickets/events/ticket-events';
import { TicketAccessService, toAccess } from '../tickets/ticket-access.service';
import { TicketEntity } from '../tickets/ticket.entity';
import { AttachmentEntity } from './attachment.entity';
import { displayFilename, judgeContentType, SNIFF_LENGTH } from './content-type';
import { FileStorage } from './storage/file-storage';

interface AttachmentRow {
  id: number;
  filename: string;
  size: number;
  contentType: string;
  createdAt: Date | string;
  uploaderId: number;
  uploaderName: string;
}

export interface AttachmentContent {
  stream: Readable;
  filename: string;
  contentType: string;
  size: number;
}

const REFUSED_TYPE =
  'Only png, jpg, gif, pdf, txt, log, zip, doc and docx files whose content matches their name are accepted';

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly tickets: TicketAccessService,
    private readonly history: HistoryService,
    private readonly storage: FileStorage,
    private readonly events: EventEmitter2,
  ) {}

  async list(actor: Actor, ticketId: number): Promise<Attachment[]> {
    await this.tickets.findVisible(actor, ticketId);
    const rows = await this.query()
      .where('a.ticket_id = :ticketId', { ticketId })
      .getRawMany<AttachmentRow>();
    return rows.map(toAttachment);
  }

  /**
   * Streams the `file` part to storage, then judges its bytes, then records it. The file is
   * durable before the row that points at it commits; a refused or failed upload leaves nothing.
   */
  async upload(actor: Actor, ticketId: number, request: FastifyRequest): Promise<Attachment> {
    const ticket = await this.tickets.findVisible(actor, ticketId);
    if (!canUploadAttachment(actor, toAccess(ticket))) throw new ForbiddenException();
    if (!request.isMultipart()) {
      throw new BadRequestException('Send the file as multipart/form-data in the field "file"');
    }
    const part = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') {
      throw new BadRequestException('Send the file in the multipart field "file"');
    }
    const filename = displayFilename(part.filename);
    const { key, size } = await this.storage.save(part.file);
    let id: number;
    try {
      if (part.file.truncated) throw new PayloadTooLargeException('Files are limited to 16 MiB');
      if (size === 0) throw new BadRequestException('The file is empty');
      const head = await this.storage.readHead(key, SNIFF_LENGTH);
      const contentType = judgeContentType(filename, head);
      if (!contentType) throw new UnsupportedMediaTypeException(REFUSED_TYPE);
      id = await this.record(actor, ticketId, { filename, storageKey: key, size, contentType });
    } catch (error) {
      // Nothing points at the file: a refused or failed upload leaves no bytes behind.
      await this.storage.remove(key);
      throw error;
    }
    this.events.emit(TicketEvent.Changed, { ticketId } satisfies TicketChangedEvent);
    const row = await this.query().where('a.id = :id', { id }).getRawOne<AttachmentRow>();
    if (!row) throw new NotFoundException('Attachment not found');
    return toAttachment(row);
  }

  private record(
    actor: Actor,
    ticketId: number,
    file: Pick<AttachmentEntity, 'filename' | 'storageKey' | 'size' | 'contentType'>,
  ): Promise<number> {
    return this.transactions.run(async (manager) => {
      await this.tickets.findVisible(actor, ticketId, manager);
      const now = new Date();
      const { identifiers } = await manager.insert(AttachmentEntity, {
        ...file,
        ticketId,
        uploadedById: actor.id,
        createdAt: now,
      });
      await manager.update(TicketEntity, { id: ticketId }, { updatedAt: now });
      await this.history.record(manager, {
        ticketId,
        actorId: actor.id,
        action: HistoryAction.AttachmentAdded,
        to: file.filename,
        at: now,
      });
      return identifiers[0]['id'] as number;
    });
  }

  async content(actor: Actor, attachmentId: number): Promise<AttachmentContent> {
    const attachment = await this.dataSource
      .getRepository(AttachmentEntity)
      .findOneBy({ id: attachmentId });
    if (!attachment) throw new NotFoundException('Attachment not found');
    try {
      await this.tickets.findVisible(actor, attachment.ticketId);
    } catch {
      throw new NotFoundException('Attachment not found');
    }
    return {
      stream: this.storage.open(attachment.storageKey),
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
    };
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
