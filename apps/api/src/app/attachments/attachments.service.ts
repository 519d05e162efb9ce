import {
  type Actor,
  ATTACHMENT_MAX_BYTES,
  type Attachment,
  HistoryAction,
  type SessionUser,
} from '@helpdesk/shared/domain';
import {
  BadRequestException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Transactions } from '../../database/transactions';
import { TicketAccessService } from '../ticket-core/ticket-access.service';
import { TicketActivity } from '../ticket-core/ticket-activity';
import { AttachmentsRepository, type NewAttachment } from './attachments.repository';
import { displayFilename, judgeContentType, SNIFF_LENGTH } from './content-type';
import { FileStorage } from './storage/file-storage';

export interface AttachmentContent {
  stream: Readable;
  filename: string;
  contentType: string;
  size: number;
}

const REFUSED_TYPE =
  'Only png, jpg, gif, pdf, txt, log, zip, doc and docx files whose content matches their name are accepted';
const ATTACHMENT_NOT_FOUND = 'Attachment not found';

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly attachments: AttachmentsRepository,
    private readonly access: TicketAccessService,
    private readonly activity: TicketActivity,
    private readonly storage: FileStorage,
  ) {}

  async list(actor: Actor, ticketId: number): Promise<Attachment[]> {
    await this.access.findVisible(actor, ticketId);
    return this.attachments.listForTicket(ticketId);
  }

  /**
   * Anyone who can see the ticket may attach a file. Streams the `file` part to storage, then
   * judges its bytes, then records it. The file is durable before the row that points at it
   * commits; a refused or failed upload leaves nothing.
   */
  async upload(actor: SessionUser, ticketId: number, request: FastifyRequest): Promise<Attachment> {
    await this.access.findVisible(actor, ticketId);
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
      id = await this.record(actor, { ticketId, filename, storageKey: key, size, contentType });
    } catch (error) {
      // Nothing points at the file: a refused or failed upload leaves no bytes behind.
      await this.storage.remove(key);
      throw error;
    }
    const attachment = await this.attachments.findOne(id);
    if (!attachment) throw new NotFoundException(ATTACHMENT_NOT_FOUND);
    return attachment;
  }

  private record(
    actor: SessionUser,
    file: Omit<NewAttachment, 'uploadedById' | 'createdAt'>,
  ): Promise<number> {
    return this.transactions.run(async (manager) => {
      const ticket = await this.access.findVisible(actor, file.ticketId, manager);
      const now = new Date();
      const id = await this.attachments.insert(manager, {
        ...file,
        uploadedById: actor.id,
        createdAt: now,
      });
      await this.activity.changed(manager, {
        ticket,
        actor,
        entries: [{ action: HistoryAction.AttachmentAdded, to: file.filename }],
        at: now,
      });
      return id;
    });
  }

  async content(actor: Actor, attachmentId: number): Promise<AttachmentContent> {
    const attachment = await this.attachments.findStored(attachmentId);
    if (!attachment || !(await this.access.isVisible(actor, attachment.ticketId))) {
      throw new NotFoundException(ATTACHMENT_NOT_FOUND);
    }
    return {
      stream: this.storage.open(attachment.storageKey),
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
    };
  }
}
