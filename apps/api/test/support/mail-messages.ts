import { randomUUID } from 'node:crypto';

export interface MessageParts {
  from: string;
  subject: string;
  /** Plain text; ignored when `html` or `mime` is given. */
  text?: string;
  html?: string;
  /** A whole MIME body with its own Content-Type header line first. */
  mime?: string;
  messageId?: string;
  headers?: Record<string, string>;
}

/** A message's source as a mail server would store it (CRLF line ends). */
export function messageSource(parts: MessageParts): { source: string; messageId: string } {
  const messageId = parts.messageId ?? `<${randomUUID()}@mail.example.com>`;
  const head = [
    `From: ${parts.from}`,
    'To: Helpdesk <support@test.local>',
    `Subject: ${parts.subject}`,
    `Message-ID: ${messageId}`,
    'Date: Mon, 24 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    ...Object.entries(parts.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  const body = parts.mime
    ? parts.mime
    : parts.html
      ? `Content-Type: text/html; charset=utf-8\n\n${parts.html}`
      : `Content-Type: text/plain; charset=utf-8\n\n${parts.text ?? ''}`;
  const source = `${head.join('\n')}\n${body}\n`.replace(/\r?\n/g, '\r\n');
  return { source, messageId };
}

/** A multipart/mixed body: the text, then each file as an attachment (base64). */
export function withAttachments(
  text: string,
  files: { filename: string; contentType: string; content: Buffer }[],
): string {
  const boundary = `b-${randomUUID()}`;
  const parts = [
    `--${boundary}\nContent-Type: text/plain; charset=utf-8\n\n${text}`,
    ...files.map(
      (file) =>
        `--${boundary}\nContent-Type: ${file.contentType}; name="${file.filename}"\n` +
        `Content-Disposition: attachment; filename="${file.filename}"\n` +
        `Content-Transfer-Encoding: base64\n\n${file.content.toString('base64')}`,
    ),
  ];
  return `Content-Type: multipart/mixed; boundary="${boundary}"\n\n${parts.join('\n')}\n--${boundary}--`;
}
