import { Role } from './enums';
import type { Page } from './api-types';
import type { Actor } from './permissions';

/** Who may see the mailbox's state and decide about the messages it refused: admins. */
export function canManageMail(actor: Actor): boolean {
  return actor.role === Role.Admin;
}

/** `GET /api/mail/status`. */
export interface MailStatus {
  /** False when no IMAP_URL is set: the desk reads no mail. */
  configured: boolean;
  lastPollAt: string | null;
  /** Why the last poll failed; null once a poll succeeds. */
  lastError: string | null;
  /** Messages turned into a ticket or a comment. */
  processed: number;
  /** Messages waiting for an admin in `GET /api/mail/rejected`. */
  rejected: number;
}

/** A message the desk did not turn into a ticket or a comment, and why. */
export interface RejectedMail {
  id: number;
  from: string;
  subject: string;
  reason: string;
  receivedAt: string;
}

export type RejectedMailPage = Page<RejectedMail>;
