import { Role, TicketStatus } from './enums';
import { canChangeTags } from './permissions';
import { canBrowseTags, editTags, normalizeTag, normalizeTags, TAGS_MAX, tagsText } from './tags';

describe('tags', () => {
  it('are stored in lower case, trimmed', () => {
    expect(normalizeTag(' VPN ')).toBe('vpn');
    expect(normalizeTag('Wi-Fi_2')).toBe('wi-fi_2');
  });

  it.each(['', '-vpn', '_x', 'a b', 'café', 'x'.repeat(33), 'a,b', '#vpn'])('refuses %p', (raw) => {
    expect(normalizeTag(raw)).toBeNull();
    expect(normalizeTags([raw])).toMatchObject({ ok: false });
  });

  it('accepts 32 characters', () => {
    expect(normalizeTag('x'.repeat(32))).toBe('x'.repeat(32));
  });

  it('a list is deduplicated and sorted', () => {
    expect(normalizeTags(['vpn', 'Billing', 'VPN'])).toEqual({
      ok: true,
      tags: ['billing', 'vpn'],
    });
  });

  it(`a ticket has at most ${TAGS_MAX} tags`, () => {
    const many = Array.from({ length: TAGS_MAX + 1 }, (_, n) => `t${n}`);
    expect(normalizeTags(many.slice(0, TAGS_MAX))).toMatchObject({ ok: true });
    expect(normalizeTags(many)).toEqual({ ok: false, message: 'A ticket has at most 10 tags' });
    expect(normalizeTags([...many.slice(0, TAGS_MAX), 'T0'])).toMatchObject({ ok: true });
  });

  it('a bulk edit adds, then removes', () => {
    expect(editTags(['a', 'b'], ['C', 'b'], ['A'])).toEqual({ ok: true, tags: ['b', 'c'] });
    expect(editTags([], [], ['x'])).toEqual({ ok: true, tags: [] });
  });

  it('history reads the sorted list joined by ", "', () => {
    expect(tagsText(['vpn', 'billing'])).toBe('billing, vpn');
    expect(tagsText([])).toBe('');
  });

  it('the assigned agent or an admin changes tags; owners and other agents do not', () => {
    const ticket = { ownerId: 1, assigneeId: 2, status: TicketStatus.Open };
    expect(canChangeTags({ id: 2, role: Role.Agent }, ticket)).toBe(true);
    expect(canChangeTags({ id: 9, role: Role.Admin }, ticket)).toBe(true);
    expect(canChangeTags({ id: 3, role: Role.Agent }, ticket)).toBe(false);
    expect(canChangeTags({ id: 1, role: Role.User }, ticket)).toBe(false);
  });

  it('agents and admins browse the tag vocabulary', () => {
    expect(canBrowseTags({ id: 1, role: Role.User })).toBe(false);
    expect(canBrowseTags({ id: 1, role: Role.Agent })).toBe(true);
  });
});
