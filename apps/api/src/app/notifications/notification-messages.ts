import type { TicketStatus } from '@helpdesk/shared/domain';
import type { TicketRef } from '../ticket-core/ticket-events';

export interface MailContent {
  subject: string;
  body: string;
}

const STATUS_LABEL: Record<TicketStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  resolved: 'resolved',
  closed: 'closed',
};

const COMMENT_EXCERPT_LENGTH = 2000;

function title(ticket: TicketRef): string {
  return `#${ticket.id} ${ticket.subject}`;
}

/** In subjects the number is bracketed, `[#12]`: replies keep it and the desk finds the ticket. */
function subjectTitle(ticket: TicketRef): string {
  return `[#${ticket.id}] ${ticket.subject}`;
}

function excerpt(text: string): string {
  return text.length > COMMENT_EXCERPT_LENGTH ? `${text.slice(0, COMMENT_EXCERPT_LENGTH)}…` : text;
}

export const messages = {
  received: (ticket: TicketRef): MailContent => ({
    subject: `[Helpdesk] Received: ${subjectTitle(ticket)}`,
    body: `We received your message and opened ticket ${title(ticket)}. Reply to this e-mail to add to it.`,
  }),
  created: (ticket: TicketRef, actorName: string): MailContent => ({
    subject: `[Helpdesk] New ticket assigned to you: ${subjectTitle(ticket)}`,
    body: `${actorName} opened ticket ${title(ticket)} and it is assigned to you.`,
  }),
  assigned: (ticket: TicketRef, actorName: string): MailContent => ({
    subject: `[Helpdesk] Ticket assigned to you: ${subjectTitle(ticket)}`,
    body: `${actorName} assigned ticket ${title(ticket)} to you.`,
  }),
  statusChanged: (
    ticket: TicketRef,
    actorName: string,
    from: TicketStatus,
    to: TicketStatus,
  ): MailContent => ({
    subject: `[Helpdesk] Ticket ${STATUS_LABEL[to]}: ${subjectTitle(ticket)}`,
    body: `${actorName} moved ticket ${title(ticket)} from ${STATUS_LABEL[from]} to ${STATUS_LABEL[to]}.`,
  }),
  lowRating: (ticket: TicketRef, actorName: string, stars: number): MailContent => ({
    subject: `[Helpdesk] Low rating (${stars} of 5): ${subjectTitle(ticket)}`,
    body: `${actorName} rated ticket ${title(ticket)} ${stars} of 5 stars. It may need another look.`,
  }),
  noteAdded: (ticket: TicketRef, actorName: string, note: string): MailContent => ({
    subject: `[Helpdesk] Internal note on ${subjectTitle(ticket)}`,
    body: `${actorName} wrote an internal note on ticket ${title(ticket)} (the requester does not see it):\n\n${excerpt(note)}`,
  }),
  commentAdded: (ticket: TicketRef, actorName: string, comment: string): MailContent => ({
    subject: `[Helpdesk] New comment on ${subjectTitle(ticket)}`,
    body: `${actorName} wrote on ticket ${title(ticket)}:\n\n${excerpt(comment)}`,
  }),
};
