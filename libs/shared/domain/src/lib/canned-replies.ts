import { Role } from './enums';
import type { Actor } from './permissions';

export const CANNED_REPLY_TITLE_MAX_LENGTH = 100;
export const CANNED_REPLY_BODY_MAX_LENGTH = 20_000;

/** The placeholders a canned reply may use, as written in its body. */
export const CANNED_REPLY_PLACEHOLDERS = [
  '{{requester.name}}',
  '{{requester.firstName}}',
  '{{ticket.id}}',
  '{{ticket.subject}}',
  '{{agent.name}}',
] as const;

/** What the placeholders are filled from; a part left out leaves its placeholders as written. */
export interface PlaceholderValues {
  requester?: { name: string } | null;
  ticket?: { id: number; subject: string } | null;
  agent?: { name: string } | null;
}

/** `{{ name.field }}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\.([A-Za-z]+)\s*\}\}/g;

/**
 * A canned reply's body with its placeholders filled. Unknown placeholders, and those whose
 * value is not at hand, stay as written; a filled-in value is never read as a placeholder.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(
    PLACEHOLDER,
    (written, part: string, field: string) => placeholderValue(part, field, values) ?? written,
  );
}

function placeholderValue(part: string, field: string, values: PlaceholderValues): string | null {
  const { requester, ticket, agent } = values;
  switch (`${part}.${field}`) {
    case 'requester.name':
      return requester ? requester.name : null;
    case 'requester.firstName':
      return requester ? firstName(requester.name) : null;
    case 'ticket.id':
      return ticket ? String(ticket.id) : null;
    case 'ticket.subject':
      return ticket ? ticket.subject : null;
    case 'agent.name':
      return agent ? agent.name : null;
    default:
      return null;
  }
}

/** The first word of a full name ("Ada Lovelace" → "Ada"); the whole name when it has one word. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The part of a canned reply that decides who may change it. */
export interface CannedReplyAccess {
  createdBy: { id: number };
}

/** Agents and admins keep and insert canned replies; users do not see them. */
export function canUseCannedReplies(actor: Actor): boolean {
  return actor.role === Role.Agent || actor.role === Role.Admin;
}

/** A canned reply is changed or deleted by the agent who wrote it, or by an admin. */
export function canEditCannedReply(actor: Actor, reply: CannedReplyAccess): boolean {
  if (actor.role === Role.Admin) return true;
  return actor.role === Role.Agent && reply.createdBy.id === actor.id;
}
