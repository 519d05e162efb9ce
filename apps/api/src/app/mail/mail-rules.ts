/** The most tickets one sender opens by mail in an hour; more is a flood (or a loop). */
export const NEW_TICKETS_PER_SENDER_PER_HOUR = 20;

/** Senders that are machines reporting on mail, never people asking for help. */
const DAEMON_SENDER = /^(mailer-daemon|postmaster)@/i;

/**
 * Why a message must make no ticket and get no answer, or null when it may: auto-replies and
 * bulk mail (RFC 3834 `Auto-Submitted`, `Precedence`, the vendor auto-reply headers), bounces,
 * and mail from the desk itself. Answering any of these could start a mail loop.
 */
export function loopReason(
  fromAddress: string,
  headers: ReadonlyMap<string, string>,
  ownAddresses: readonly string[],
): string | null {
  if (!fromAddress) return 'The message has no sender address';
  const autoSubmitted = headers.get('auto-submitted')?.toLowerCase() ?? '';
  if (autoSubmitted.startsWith('auto-'))
    return `Automatic message (Auto-Submitted: ${autoSubmitted})`;
  const precedence = headers.get('precedence')?.toLowerCase() ?? '';
  if (['bulk', 'junk', 'list'].includes(precedence)) {
    return `Bulk or list mail (Precedence: ${precedence})`;
  }
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) {
    return 'Automatic reply (X-Autoreply)';
  }
  if (DAEMON_SENDER.test(fromAddress)) return `Sent by a mail system (${fromAddress})`;
  if (ownAddresses.includes(fromAddress)) return "Sent from the desk's own address";
  return null;
}

/** The ticket number in a subject such as "Re: [Helpdesk] New comment on [#12] Printer". */
export function subjectTicketId(subject: string): number | null {
  const match = /\[#(\d{1,12})\]/.exec(subject);
  return match ? Number(match[1]) : null;
}
