import { ftsMatchExpression, searchWords, tsQueryExpression } from './ticket-search';

describe('the search box', () => {
  it('takes words, never query syntax', () => {
    expect(searchWords('Printer" NEAR( a AND * -x {subject}: ü')).toEqual([
      'printer',
      'near',
      'a',
      'and',
      'x',
      'subject',
      'ü',
    ]);
    expect(searchWords('"*()')).toEqual([]);
  });

  it('scopes a user search inside the index, with filters as token groups', () => {
    const filters = {
      scope: { kind: 'owner', userId: 12 },
      statuses: ['open', 'in_progress'],
      priorities: ['high'],
    } as const;
    expect(ftsMatchExpression(['vpn', 'down'], filters)).toBe(
      '{subject description} : ("vpn" "down") AND scope : (o12) AND scope : (sopen OR sinprogress) AND scope : (phigh)',
    );
    expect(tsQueryExpression(['vpn', 'down'], filters)).toBe(
      "'vpn':A & 'down':A & ('o12':D) & ('sopen':D | 'sinprogress':D) & ('phigh':D)",
    );
  });

  it('searches everything for an admin, optionally unassigned only', () => {
    expect(ftsMatchExpression(['vpn'], { scope: { kind: 'all' }, assigneeId: 'none' })).toBe(
      '{subject description} : ("vpn") AND scope : (anone)',
    );
  });
});
