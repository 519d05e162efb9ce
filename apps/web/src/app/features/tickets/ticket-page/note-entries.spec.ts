import { HistoryAction, Role, type Comment, type HistoryEntry } from '@helpdesk/shared/domain';
import { noteEntryIds } from './note-entries';

const AT = '2026-11-20T10:00:00.123Z';

function commented(id: number, actorId: number | null, at = AT): HistoryEntry {
  return {
    id,
    action: HistoryAction.Commented,
    from: null,
    to: 'x',
    actor: actorId === null ? null : { id: actorId, name: 'Someone' },
    at,
  };
}

function note(authorId: number, createdAt = AT): Comment {
  return {
    id: 9,
    body: 'x',
    internal: true,
    author: { id: authorId, name: 'Someone', role: Role.Agent },
    createdAt,
  };
}

describe('noteEntryIds', () => {
  it('finds the entry written with a note: same author, same instant', () => {
    expect([...noteEntryIds([commented(1, 2), commented(2, 3)], [note(2)])]).toEqual([1]);
  });

  it('does not take a reply at another time, or a public comment, for a note', () => {
    const reply: Comment = { ...note(2), internal: false };
    expect(noteEntryIds([commented(1, 2, '2026-11-20T10:00:01Z')], [note(2)]).size).toBe(0);
    expect(noteEntryIds([commented(1, 2)], [reply]).size).toBe(0);
    expect(noteEntryIds([commented(1, null)], [note(2)]).size).toBe(0);
  });
});
