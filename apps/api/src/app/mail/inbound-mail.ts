import { type AddressObject, simpleParser } from 'mailparser';
import { htmlToPlainText } from './mail-text';

export interface InboundAttachment {
  filename: string;
  content: Buffer;
}

/** A message read from the mailbox, reduced to what the desk acts on. */
export interface InboundMail {
  messageId: string;
  fromAddress: string;
  fromName: string | undefined;
  subject: string;
  /** The whole text, HTML turned into text; quoted history is removed later (writtenText). */
  text: string;
  /** In-Reply-To first, then References, each `<id>`. */
  referencedIds: string[];
  /** Lower-case header name → value, for the loop rules. */
  headers: ReadonlyMap<string, string>;
  attachments: InboundAttachment[];
}

/**
 * Parses a message's source. `fallbackId` names a message that has no Message-ID (made from
 * the mailbox's UIDVALIDITY and UID, so it is as stable as the message's place).
 */
export async function parseInboundMail(source: Buffer, fallbackId: string): Promise<InboundMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const from = firstAddress(parsed.from);
  // Without a text/plain part mailparser makes text of the HTML itself; ours drops link targets.
  const htmlOnly =
    typeof parsed.html === 'string' &&
    !/content-type:\s*text\/plain/i.test(source.toString('latin1'));
  const text = htmlOnly ? htmlToPlainText(parsed.html as string) : (parsed.text ?? '');
  const references = Array.isArray(parsed.references)
    ? parsed.references
    : parsed.references
      ? parsed.references.split(/\s+/)
      : [];
  return {
    messageId: (parsed.messageId ?? fallbackId).slice(0, 500),
    fromAddress: (from?.address ?? '').trim().toLowerCase(),
    fromName: from?.name?.trim() || undefined,
    subject: (parsed.subject ?? '').trim(),
    text,
    referencedIds: [...(parsed.inReplyTo ? parsed.inReplyTo.split(/\s+/) : []), ...references]
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
    headers: new Map(
      parsed.headerLines.map(({ key, line }) => [
        key.toLowerCase(),
        line
          .slice(line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      ]),
    ),
    attachments: parsed.attachments
      .filter((attachment) => !attachment.related)
      .map((attachment) => ({
        filename: attachment.filename ?? 'attachment',
        content: attachment.content,
      })),
  };
}

function firstAddress(header: AddressObject | undefined) {
  return header?.value.find((entry) => entry.address);
}
