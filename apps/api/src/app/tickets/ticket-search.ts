import type { Priority, TicketScope, TicketStatus } from '@helpdesk/shared/domain';

const MAX_SEARCH_WORDS = 12;

/** The words of a search box, as typed by people: punctuation and query syntax are not operators. */
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
}

/**
 * An FTS5 MATCH expression: every word as a quoted prefix phrase in subject or description,
 * plus the scope, status and priority tokens stored in the `scope` column, so that one
 * person's search never walks everybody's matches.
 */
export function ftsMatchExpression(words: readonly string[], filters: SearchFilters): string {
  const parts = [`{subject description} : (${words.map((word) => `"${word}"*`).join(' ')})`];
  const scopeToken = scopeTokenOf(filters.scope);
  if (scopeToken) parts.push(`scope : ${scopeToken}`);
  if (filters.statuses?.length) {
    parts.push(`scope : (${filters.statuses.map((s) => `s${s.replace('_', '')}`).join(' OR ')})`);
  }
  if (filters.priorities?.length) {
    parts.push(`scope : (${filters.priorities.map((p) => `p${p}`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

function scopeTokenOf(scope: TicketScope): string | null {
  switch (scope.kind) {
    case 'owner':
      return `o${scope.userId}`;
    case 'assignee':
      return `a${scope.userId}`;
    case 'all':
      return null;
  }
}
