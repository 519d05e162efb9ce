import type { TicketSla } from '@helpdesk/shared/domain';
import { dueBadge } from './sla-badge';

const ZONE = 'Europe/Berlin';
/** Tuesday 24 November 2026, 09:00 in Berlin. */
const NOW = Date.parse('2026-11-24T08:00:00Z');

function minutesFromNow(minutes: number): string {
  return new Date(NOW + minutes * 60_000).toISOString();
}

function sla(change: Partial<TicketSla> = {}): TicketSla {
  return {
    firstResponseDueAt: minutesFromNow(45),
    firstRespondedAt: null,
    resolutionDueAt: minutesFromNow(8 * 60),
    resolvedAt: null,
    firstResponseBreached: false,
    resolutionBreached: false,
    ...change,
  };
}

function badge(change: Partial<TicketSla> = {}, now = NOW) {
  return dueBadge(sla(change), now, ZONE);
}

describe('due badge', () => {
  it('says nothing while the desk keeps no SLA', () => {
    expect(dueBadge(null, NOW, ZONE)).toBeNull();
  });

  it('counts down to the first response until it is given, due soon within the hour', () => {
    expect(badge()).toEqual({
      text: 'due in 45 min',
      tone: 'soon',
      detail: 'First response due Tue, 24 Nov 2026, 09:45',
      dueAt: minutesFromNow(45),
    });
  });

  it('then counts down to the resolution', () => {
    expect(badge({ firstRespondedAt: minutesFromNow(-5) })).toMatchObject({
      text: 'due in 8 h',
      tone: 'due',
      detail: 'Resolution due Tue, 24 Nov 2026, 17:00',
    });
  });

  it('says nothing once every target is met', () => {
    expect(
      badge({ firstRespondedAt: minutesFromNow(-30), resolvedAt: minutesFromNow(-5) }),
    ).toBeNull();
  });

  it('rounds hours later today, and names the day and time of a target further away', () => {
    expect(badge({ firstResponseDueAt: minutesFromNow(3 * 60 + 20) })?.text).toBe('due in 3 h');
    expect(badge({ firstResponseDueAt: '2026-11-25T09:30:00Z' })?.text).toBe('due tomorrow 10:30');
    expect(badge({ firstResponseDueAt: '2026-11-27T15:00:00Z' })?.text).toBe('due Fri 16:00');
    expect(badge({ firstResponseDueAt: '2026-12-03T09:00:00Z' })?.text).toBe('due 3 Dec 10:00');
  });

  it('counts hours across midnight while the target is near, then names the time', () => {
    const lateEvening = Date.parse('2026-11-24T22:30:00Z');
    expect(badge({ firstResponseDueAt: '2026-11-24T23:30:00Z' }, lateEvening)?.text).toBe(
      'due in 1 h',
    );
    expect(badge({ firstResponseDueAt: '2026-11-25T06:00:00Z' }, lateEvening)?.text).toBe(
      'due tomorrow 07:00',
    );
  });

  it('turns red with how long ago the target passed', () => {
    expect(badge({ firstResponseDueAt: minutesFromNow(-20), firstResponseBreached: true })).toEqual(
      {
        text: 'overdue 20 min',
        tone: 'breached',
        detail: 'First response was due Tue, 24 Nov 2026, 08:40',
        dueAt: minutesFromNow(-20),
      },
    );
    expect(
      badge({ firstRespondedAt: minutesFromNow(-3000), resolutionDueAt: minutesFromNow(-3140) }),
    ).toMatchObject({ text: 'overdue 2 d 4 h', tone: 'breached' });
  });

  it('is breached as time passes, before the list is fetched again', () => {
    const later = NOW + 46 * 60_000;
    expect(badge({}, later)).toMatchObject({ text: 'overdue 1 min', tone: 'breached' });
  });

  it('says "breached" when the target passed less than a minute ago or the server says so first', () => {
    expect(badge({ firstResponseDueAt: minutesFromNow(-0.5) })).toMatchObject({
      text: 'breached',
      tone: 'breached',
    });
    expect(badge({ firstResponseBreached: true })).toMatchObject({
      text: 'breached',
      tone: 'breached',
    });
  });
});
