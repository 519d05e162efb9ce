import { ATTACHMENT_MAX_BYTES } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { displayFilename, judgeContentType, SNIFF_LENGTH } from '../attachments/content-type';
import { FileStorage } from '../attachments/storage/file-storage';
import type { InboundAttachment } from './inbound-mail';

export interface StoredFile {
  filename: string;
  storageKey: string;
  size: number;
  contentType: string;
}

export interface MailFiles {
  stored: StoredFile[];
  /** "name (why)" of each attachment the allow-list refused. */
  refused: string[];
}

/**
 * A message's attachments judged by the upload allow-list and, when accepted, written to the
 * upload storage before the message's transaction (the bytes are durable before a row points
 * at them); `discard` removes them when that transaction does not use them.
 */
@Injectable()
export class MailAttachments {
  constructor(private readonly storage: FileStorage) {}

  async store(attachments: readonly InboundAttachment[]): Promise<MailFiles> {
    const files: MailFiles = { stored: [], refused: [] };
    try {
      for (const attachment of attachments) {
        const filename = displayFilename(attachment.filename);
        if (attachment.content.length > ATTACHMENT_MAX_BYTES) {
          files.refused.push(`${filename} (larger than 16 MiB)`);
          continue;
        }
        if (attachment.content.length === 0) {
          files.refused.push(`${filename} (empty)`);
          continue;
        }
        const contentType = judgeContentType(
          filename,
          attachment.content.subarray(0, SNIFF_LENGTH),
        );
        if (!contentType) {
          files.refused.push(`${filename} (type not accepted)`);
          continue;
        }
        const { key, size } = await this.storage.save(Readable.from([attachment.content]));
        files.stored.push({ filename, storageKey: key, size, contentType });
      }
    } catch (error) {
      await this.discard(files);
      throw error;
    }
    return files;
  }

  async discard(files: MailFiles): Promise<void> {
    for (const file of files.stored) await this.storage.remove(file.storageKey);
  }
}
