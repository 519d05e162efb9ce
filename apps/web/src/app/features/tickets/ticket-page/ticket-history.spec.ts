import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HistoryAction, type HistoryEntry } from '@helpdesk/shared/domain';
import { TicketHistory } from './ticket-history';

function entry(change: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: 1,
    action: HistoryAction.Commented,
    from: null,
    to: 'Hello',
    internal: false,
    actor: { id: 2, name: 'Adam Agent' },
    at: '2026-11-20T10:00:00Z',
    ...change,
  };
}

describe('TicketHistory', () => {
  let fixture: ComponentFixture<TicketHistory>;

  function lines(entries: HistoryEntry[]): string[] {
    fixture = TestBed.createComponent(TicketHistory);
    fixture.componentRef.setInput('entries', entries);
    TestBed.tick();
    return Array.from<HTMLElement>(fixture.nativeElement.querySelectorAll('li')).map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  it('reads an entry without an actor as done by the desk itself', () => {
    const [line] = lines([
      entry({ action: HistoryAction.Assigned, actor: null, from: null, to: 'Adam Agent' }),
    ]);
    expect(line).toMatch(/^Helpdesk \(automatic\) assigned the ticket to Adam Agent/);
  });

  it('marks the entries of internal notes', () => {
    const [reply, note] = lines([entry({ id: 1 }), entry({ id: 2, to: 'Secret', internal: true })]);
    expect(reply).toMatch(/^Adam Agent commented/);
    expect(note).toMatch(/^Adam Agent lock wrote an internal note\s*: Secret/);
  });

  it('shows a comment as an excerpt, since the conversation holds it in full', () => {
    const [line] = lines([entry({ to: `First line\n\n${'word '.repeat(40)}` })]);
    expect(line).toMatch(/^Adam Agent commented\s*: First line word word .*…/);
    expect(line.length).toBeLessThan(140);
  });
});
