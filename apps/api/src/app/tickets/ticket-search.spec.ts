import { ftsMatchExpression, searchTerms, searchWords, tsQueryExpression } from './ticket-search';

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
    expect(searchTerms('"*()', true)).toBeNull();
  });

  it('scopes a user search inside the index, with filters as token groups; the last word is a prefix', () => {
    const filters = {
      scope: { kind: 'owner', userId: 12 },
      statuses: ['open', 'in_progress'],
      priorities: ['high'],
    } as const;
    const terms = searchTerms('vpn down', false);
    expect(ftsMatchExpression(terms, filters)).toBe(
      '{words} : ("vpn" AND "down"*) AND scope : (o12) AND scope : (sopen OR sinprogress) AND scope : (phigh)',
    );
    expect(tsQueryExpression(terms, filters)).toBe(
      "'vpn':A & 'down':*A & ('o12':D) & ('sopen':D | 'sinprogress':D) & ('phigh':D)",
    );
  });

  it('staff also search internal notes and the requester; a short last word stays whole', () => {
    const terms = searchTerms('vpn', true);
    expect(ftsMatchExpression(terms, { scope: { kind: 'all' }, assigneeId: 'none' })).toBe(
      '{words staff} : ("vpn"*) AND scope : (anone)',
    );
    expect(tsQueryExpression(searchTerms('go', true), { scope: { kind: 'all' } })).toBe("'go':AB");
  });

  it('a number alone, with or without #, also names a ticket', () => {
    expect(searchTerms('#57', false)).toEqual({ words: ['57'], ticketId: 57, staff: false });
    expect(searchTerms(' 57 ', false)?.ticketId).toBe(57);
    expect(searchTerms('error 57', false)?.ticketId).toBeNull();
    expect(ftsMatchExpression(searchTerms('#123', false), { scope: { kind: 'all' } })).toBe(
      '({words} : ("123"*) OR scope : "i123")',
    );
    expect(tsQueryExpression(searchTerms('123', true), { scope: { kind: 'all' } })).toBe(
      "('123':*AB | 'i123':D)",
    );
  });

  it('on SQLite the last word is asked as the indexed words it begins', () => {
    const terms = {
      words: ['vpn', 'print'],
      ticketId: null,
      staff: true,
      completions: ['printer'],
    };
    expect(ftsMatchExpression(terms, { scope: { kind: 'all' } })).toBe(
      '{words staff} : ("vpn" AND ("print" OR "printer"))',
    );
    const unknown = { words: ['zzzz'], ticketId: null, staff: false, completions: [] };
    expect(ftsMatchExpression(unknown, { scope: { kind: 'all' } })).toBe('{words} : (("zzzz"))');
  });

  it('a tag is one token, whatever its punctuation', () => {
    expect(ftsMatchExpression(null, { scope: { kind: 'all' }, tags: ['wi-fi', 'vpn'] })).toBe(
      'scope : (t77692d6669) AND scope : (t76706e)',
    );
  });
});
