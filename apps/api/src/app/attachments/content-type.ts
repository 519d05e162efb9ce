import { type AttachmentExtension, attachmentExtension } from '@helpdesk/shared/domain';

/** How many leading bytes are read to judge a file. */
export const SNIFF_LENGTH = 8192;

type Family = 'png' | 'jpeg' | 'gif' | 'pdf' | 'zip' | 'ole' | 'text';

const FAMILY_OF: Record<AttachmentExtension, Family> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  pdf: 'pdf',
  zip: 'zip',
  docx: 'zip',
  doc: 'ole',
  txt: 'text',
  log: 'text',
};

const CONTENT_TYPE_OF: Record<AttachmentExtension, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
};

const SIGNATURES: Record<Exclude<Family, 'text'>, number[][]> = {
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [
    [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  ],
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  zip: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
  ole: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
};

function isText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    // `stream: true` tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function matchesFamily(family: Family, head: Buffer): boolean {
  if (family === 'text') return isText(head);
  return SIGNATURES[family].some((signature) =>
    signature.every((byte, index) => head[index] === byte),
  );
}

/**
 * The content type to store and serve, or null when the name's extension is not allowed or
 * the bytes are not what the extension claims (a script renamed to .png is refused).
 */
export function judgeContentType(filename: string, head: Buffer): string | null {
  const extension = attachmentExtension(filename);
  if (!extension || !matchesFamily(FAMILY_OF[extension], head)) return null;
  return CONTENT_TYPE_OF[extension];
}

/**
 * Characters that reorder text when shown: with a right-to-left override (U+202E)
 * `invoice\u202Efdp.exe` displays as `invoiceexe.pdf`. Embeddings, overrides, isolates and
 * the directional marks (LRM, RLM, ALM).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * The base name only: no directories, no control characters, no bidirectional controls,
 * at most 255 characters.
 */
export function displayFilename(clientName: string): string {
  const base = clientName.split(/[/\\]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(BIDI_CONTROLS, '')
    .trim();
  return clean.slice(-255) || 'attachment';
}
