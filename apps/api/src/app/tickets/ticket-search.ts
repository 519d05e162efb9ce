import type { Priority, TicketScope, TicketStatus } from '@helpdesk/shared/domain';

const MAX_SEARCH_WORDS = 12;

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

export interface SearchFilters {
  scope: TicketScope;
  statuses?: readonly TicketStatus[];
  priorities?: readonly Priority[];
  assigneeId?: number | 'none';
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

/**
 * The list's scope and filters as tokens of the search index (`o12 a7 sopen phigh` per
 * ticket): groups that must all match, each satisfied by any one of its tokens. Matching them
 * inside the index keeps one person's search from walking everybody's matches.
 */
function filterTokenGroups(filters: SearchFilters): string[][] {
  const groups = scopeTokenGroups(filters.scope);
  if (filters.assigneeId !== undefined) groups.push([`a${filters.assigneeId}`]);
  if (filters.statuses?.length) groups.push(filters.statuses.map((s) => `s${s.replace('_', '')}`));
  if (filters.priorities?.length) groups.push(filters.priorities.map((p) => `p${p}`));
  return groups;
}

/** An FTS5 MATCH expression: the words in subject or description, the filters in `scope`. */
export function ftsMatchExpression(words: readonly string[], filters: SearchFilters): string {
  const parts = [`{subject description} : (${words.map((word) => `"${word}"`).join(' ')})`];
  for (const group of filterTokenGroups(filters)) parts.push(`scope : (${group.join(' OR ')})`);
  return parts.join(' AND ');
}

/**
 * The PostgreSQL twin of {@link ftsMatchExpression}: words of weight A (subject and
 * description), filter tokens of weight D, all matched in the GIN index.
 */
export function tsQueryExpression(words: readonly string[], filters: SearchFilters): string {
  const parts = words.map((word) => `'${word}':A`);
  for (const group of filterTokenGroups(filters)) {
    parts.push(`(${group.map((token) => `'${token}':D`).join(' | ')})`);
  }
  return parts.join(' & ');
}
