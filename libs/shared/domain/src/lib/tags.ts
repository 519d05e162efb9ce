import { type Actor, isStaff } from './permissions';

/** A tag as stored: lower case, starting with a letter or digit, at most 32 characters. */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const TAGS_MAX = 10;

export interface TagCount {
  name: string;
  count: number;
}

/** A tag as people type it (`VPN`, ` vpn `), in its stored form; `null` when it cannot be one. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase();
  return TAG_PATTERN.test(tag) ? tag : null;
}

export type TagListResult = { ok: true; tags: string[] } | { ok: false; message: string };

/**
 * A ticket's tags as stored: each one normalised, duplicates dropped, sorted; at most
 * {@link TAGS_MAX}. The sorted list is also what history records (`a, b`).
 */
export function normalizeTags(raw: readonly string[]): TagListResult {
  const tags = new Set<string>();
  for (const item of raw) {
    const tag = normalizeTag(item);
    if (tag === null) {
      return {
        ok: false,
        message: `"${item}" is not a tag: lower-case letters, digits, - and _, 1 to 32 characters`,
      };
    }
    tags.add(tag);
  }
  if (tags.size > TAGS_MAX) return { ok: false, message: `A ticket has at most ${TAGS_MAX} tags` };
  return { ok: true, tags: [...tags].sort() };
}

/** The tags after a bulk change: `add` joined, then `remove` taken away. */
export function editTags(
  current: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): TagListResult {
  const removed = new Set(remove.map((tag) => tag.trim().toLowerCase()));
  return normalizeTags(
    [...current, ...add].filter((tag) => !removed.has(tag.trim().toLowerCase())),
  );
}

/** How a tag list reads in history: sorted, joined by `, `. */
export function tagsText(tags: readonly string[]): string {
  return [...tags].sort().join(', ');
}

/** The desk's tag vocabulary (autocomplete): agents and admins. */
export function canBrowseTags(actor: Actor): boolean {
  return isStaff(actor);
}
