import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  attachmentExtension,
} from '@helpdesk/shared/domain';

/** Why a file cannot be attached, or `null` when it may be sent. */
export function attachmentProblem(file: File): string | null {
  if (!attachmentExtension(file.name)) {
    return `${file.name}: this file type is not allowed (allowed: ${ATTACHMENT_EXTENSIONS.join(', ')}).`;
  }
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return `${file.name}: the file is larger than ${formatBytes(ATTACHMENT_MAX_BYTES)}.`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
