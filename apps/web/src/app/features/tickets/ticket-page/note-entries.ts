import { HistoryAction, type Comment, type HistoryEntry } from '@helpdesk/shared/domain';

/**
 * The ids of the history entries that record internal notes. A history entry does not say
 * whether its comment was a note, but a note and its `commented` entry are written in one
 * transaction, by one person, at one instant: they share author and time. (Only agents and
 * admins get notes, so for owners this finds nothing.)
 */
export function noteEntryIds(entries: HistoryEntry[], comments: Comment[]): ReadonlySet<number> {
  const notes = new Set(
    comments
      .filter((comment) => comment.internal)
      .map((note) => `${note.author.id}@${Date.parse(note.createdAt)}`),
  );
  return new Set(
    entries
      .filter(
        (entry) =>
          entry.action === HistoryAction.Commented &&
          entry.actor !== null &&
          notes.has(`${entry.actor.id}@${Date.parse(entry.at)}`),
      )
      .map((entry) => entry.id),
  );
}
