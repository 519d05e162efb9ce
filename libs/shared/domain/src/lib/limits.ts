export const SUBJECT_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const COMMENT_MAX_LENGTH = 20_000;
export const FEEDBACK_MAX_LENGTH = 2_000;
export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 6;
export const PASSWORD_MAX_LENGTH = 200;
export const SEARCH_MAX_LENGTH = 200;
/** A search counts its matches up to this many; past it the total reads "1,000+". */
export const SEARCH_TOTAL_CAP = 1000;
export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
export const STARS_MIN = 1;
export const STARS_MAX = 5;
export const ATTACHMENT_MAX_BYTES = 16 * 1024 * 1024;

/** File name extensions accepted for attachments; the content must match too. */
export const ATTACHMENT_EXTENSIONS = [
  'png',
  'jpg',
  'jpeg',
  'gif',
  'pdf',
  'txt',
  'log',
  'zip',
  'doc',
  'docx',
] as const;
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];

export function attachmentExtension(filename: string): AttachmentExtension | null {
  const dot = filename.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = filename.slice(dot + 1).toLowerCase();
  return (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)
    ? (extension as AttachmentExtension)
    : null;
}
