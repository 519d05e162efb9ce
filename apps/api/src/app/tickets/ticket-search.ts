import type { Priority, TicketScope, TicketStatus } from '@helpdesk/shared/domain';

const MAX_SEARCH_WORDS = 12;
/** Shorter last words match whole: a one- or two-letter prefix would walk much of the index. */
const PREFIX_MIN_LENGTH = 3;
const TICKET_NUMBER = /^\s*#?(\d{1,9})\s*$/;

/**
 * The words of a search box, as typed by people: punctuation and query syntax are not
 * operators. Words match whole words (any case), like the tokenizers of both engines.
 */
export function searchWords(q: string | undefined): string[] {
  return (
    (q ?? '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_SEARCH_WORDS) ?? []
  );
}

/** What a search box asks for, and which parts of a ticket the caller may find it by. */
export interface SearchTerms {
  words: readonly string[];
  /** `#123` or `123` alone: also that ticket (the scope still decides whether it is seen). */
  ticketId: number | null;
  /** Internal notes and the requester's name and e-mail too (`canSeeInternalNotes`). */
  staff: boolean;
  /**
   * SQLite: the indexed words the last word is a prefix of (itself included when indexed),
   * asked as alternatives; unset, the last word is asked as an FTS5 prefix query.
   */
  completions?: readonly string[];
}

/** The search box's terms; `null` when it holds no word. */
export function searchTerms(q: string | undefined, staff: boolean): SearchTerms | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  const number = TICKET_NUMBER.exec(q ?? '')?.[1];
  return { words, ticketId: number === undefined ? null : Number(number), staff };
}

/** The last word matches as a prefix (`print` finds printer), the others whole. */
function isPrefix(words: readonly string[], index: number): boolean {
  return index === words.length - 1 && (words[index]?.length ?? 0) >= PREFIX_MIN_LENGTH;
}

/** The word the index's vocabulary is asked to complete, if any. */
export function prefixWord(terms: SearchTerms): string | null {
  const last = terms.words.length - 1;
  return isPrefix(terms.words, last) ? (terms.words[last] ?? null) : null;
}

/** An FTS5 phrase for one word; the last one completed from the vocabulary, or as a prefix. */
function ftsPhrase(terms: SearchTerms, index: number): string {
  const word = terms.words[index] ?? '';
  if (!isPrefix(terms.words, index)) return `"${word}"`;
  if (!terms.completions) return `"${word}"*`;
  const alternatives = [...new Set([word, ...terms.completions])];
  return `(${alternatives.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ')})`;
}

/**
 * The SQLite index's rowid is a search key ordered like the default sort (see the triage
 * migration): the ticket id is its low 25 bits.
 */
export const FTS_TICKET_ID = 'rowid % 33554432';

export interface SearchFilters {
  scope: TicketScope;
  statuses?: readonly TicketStatus[];
  priorities?: readonly Priority[];
  assigneeId?: number | 'none';
  /** Every one of these tags (stored form). */
  tags?: readonly string[];
}

/**
 * A person's scope in the search index: the twin of `scopeCovers` in libs/shared/domain and of
 * `scopedTickets` (SQL); the visibility e2e test holds the three together.
 */
function scopeTokenGroups(scope: TicketScope): string[][] {
  switch (scope.kind) {
    case 'owner':
      return [[`o${scope.userId}`]];
    case 'assignee':
      return [scope.withUnassigned ? [`a${scope.userId}`, 'anone'] : [`a${scope.userId}`]];
    case 'all':
      return [];
  }
}

/** A tag as one token on both engines: `wi-fi` would be split into two words. */
export function tagToken(tag: string): string {
  return `t${Buffer.from(tag, 'utf8').toString('hex')}`;
}

/**
 * The list's scope and filters as tokens of the search index (`o12 a7 sopen phigh t76706e`
 * per ticket): groups that must all match, each satisfied by any one of its tokens. Matching
 * them inside the index keeps one person's search from walking everybody's matches, and
 * makes a tag filter cost what a status filter costs.
 */
function filterTokenGroups(filters: SearchFilters): string[][] {
  const groups = scopeTokenGroups(filters.scope);
  if (filters.assigneeId !== undefined) groups.push([`a${filters.assigneeId}`]);
  if (filters.statuses?.length) groups.push(filters.statuses.map((s) => `s${s.replace('_', '')}`));
  if (filters.priorities?.length) groups.push(filters.priorities.map((p) => `p${p}`));
  for (const tag of filters.tags ?? []) groups.push([tagToken(tag)]);
  return groups;
}

/**
 * An FTS5 MATCH expression: the words in what the caller may find a ticket by (`words`, and
 * `staff` for agents and admins), or the ticket's number; the filters in `scope`.
 */
export function ftsMatchExpression(terms: SearchTerms | null, filters: SearchFilters): string {
  const parts: string[] = [];
  if (terms) {
    const columns = terms.staff ? '{words staff}' : '{words}';
    const phrases = terms.words.map((_, i) => ftsPhrase(terms, i));
    const text = `${columns} : (${phrases.join(' AND ')})`;
    parts.push(terms.ticketId === null ? text : `(${text} OR scope : "i${terms.ticketId}")`);
  }
  for (const group of filterTokenGroups(filters)) parts.push(`scope : (${group.join(' OR ')})`);
  return parts.join(' AND ');
}

/**
 * The PostgreSQL twin of {@link ftsMatchExpression}: words of weight A (everyone's) or A and
 * B (staff's), filter tokens of weight D, all matched in the GIN index.
 */
export function tsQueryExpression(terms: SearchTerms | null, filters: SearchFilters): string {
  const parts: string[] = [];
  if (terms) {
    const weights = terms.staff ? 'AB' : 'A';
    const words = terms.words
      .map((word, i) => `'${word}':${isPrefix(terms.words, i) ? '*' : ''}${weights}`)
      .join(' & ');
    parts.push(terms.ticketId === null ? words : `(${words} | 'i${terms.ticketId}':D)`);
  }
  for (const group of filterTokenGroups(filters)) {
    parts.push(`(${group.map((token) => `'${token}':D`).join(' | ')})`);
  }
  return parts.join(' & ');
}
