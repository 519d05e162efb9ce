import type { Priority, TicketScope, TicketStatus } from '@helpdesk/shared/domain';
import type { DatabaseEngine } from '../../database/engine';

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

/**
 * The PostgreSQL twin of {@link ftsMatchExpression}: words as prefixes of weight A (subject and
 * description), scope, status and priority tokens of weight D, all matched in the GIN index.
 */
export function tsQueryExpression(words: readonly string[], filters: SearchFilters): string {
  const parts = words.map((word) => `'${word}':*A`);
  const scopeToken = scopeTokenOf(filters.scope);
  if (scopeToken) parts.push(`'${scopeToken}':D`);
  if (filters.statuses?.length) {
    parts.push(`(${filters.statuses.map((s) => `'s${s.replace('_', '')}':D`).join(' | ')})`);
  }
  if (filters.priorities?.length) {
    parts.push(`(${filters.priorities.map((p) => `'p${p}':D`).join(' | ')})`);
  }
  return parts.join(' & ');
}

/** The SQL condition on tickets `t` for a search, in the dialect of the database. */
export function searchCondition(
  engine: DatabaseEngine,
  words: readonly string[],
  filters: SearchFilters,
): { sql: string; parameters: Record<string, string> } {
  if (engine === 'postgres') {
    return {
      sql: `t.search_vector @@ to_tsquery('simple', :search)`,
      parameters: { search: tsQueryExpression(words, filters) },
    };
  }
  return {
    sql: 't.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH :search)',
    parameters: { search: ftsMatchExpression(words, filters) },
  };
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
