import { convert } from 'html-to-text';

/** Where a forwarded message starts (Gmail, Outlook, Apple Mail): what follows is content. */
const FORWARD_MARKERS = [
  /^-{3,}\s*Forwarded message\s*-{3,}$/i,
  /^Begin forwarded message:$/i,
  /^-{3,}\s*Forwarded by .*-{3,}$/i,
];

/** A signature starts at "-- " (RFC 3676); mail clients often drop the trailing space. */
const SIGNATURE = /^-- ?$/;

/** Lines that open quoted history in a reply, one line at a time. */
const REPLY_HEADERS = [
  // Outlook: "-----Original Message-----"
  /^-{3,}\s*Original Message\s*-{3,}$/i,
  // French and German clients: "Le … a écrit :", "Am … schrieb …:"
  /^Le .+ a écrit\s?:$/,
  /^Am .+ schrieb .+:$/,
];

/** Gmail "On …, Ann <ann@example.com> wrote:"; Apple Mail "On 24 Nov 2026, at 10:00, Ann wrote:". */
const ON_WROTE_START = /^On\s/;
const ON_WROTE_END = /\bwrote:$/;

/** Outlook's header block of the message answered: "From: …" then "Sent: …"/"Date: …". */
const OUTLOOK_FROM = /^\*?From:\*?\s/;
const OUTLOOK_SENT = /^\*?(Sent|Date):\*?\s/;

/** HTML as plain text: links without their targets, no images, blockquotes as "> " lines. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
      { selector: 'hr', format: 'skip' },
    ],
  });
}

/**
 * What the sender wrote: without the history their client quoted below it ("> " lines and
 * everything after a reply header of Gmail, Outlook or Apple Mail) and without signatures.
 * A forwarded message is kept whole: forwarding it was the point.
 */
export function writtenText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let forwarded = false;
  let inSignature = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\s+$/, '');
    const raw = lines[i] ?? '';
    if (!forwarded && FORWARD_MARKERS.some((marker) => marker.test(line.trim()))) {
      forwarded = true;
      inSignature = false;
      kept.push(line);
      continue;
    }
    if (forwarded) {
      kept.push(line);
      continue;
    }
    if (SIGNATURE.test(raw)) inSignature = true;
    if (inSignature) continue;
    if (isReplyHeader(lines, i)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isReplyHeader(lines: readonly string[], index: number): boolean {
  const line = (lines[index] ?? '').trim();
  if (REPLY_HEADERS.some((header) => header.test(line))) return true;
  if (ON_WROTE_START.test(line)) {
    // Gmail wraps a long "On … wrote:" over two or three lines.
    const joined = [line, lines[index + 1] ?? '', lines[index + 2] ?? ''].map((l) => l.trim());
    for (let end = 1; end <= 3; end++) {
      if (ON_WROTE_END.test(joined.slice(0, end).join(' '))) return true;
    }
  }
  if (/^_{10,}$/.test(line) && OUTLOOK_FROM.test((lines[index + 1] ?? '').trim())) return true;
  if (OUTLOOK_FROM.test(line)) {
    return lines.slice(index + 1, index + 4).some((next) => OUTLOOK_SENT.test(next.trim()));
  }
  return false;
}
