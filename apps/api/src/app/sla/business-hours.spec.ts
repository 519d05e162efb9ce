import type { BusinessHours } from '@helpdesk/shared/domain';
import { addWorkingMinutes } from './business-hours';

const berlin: BusinessHours = {
  timezone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};

const due = (start: string, minutes: number, hours: BusinessHours | null = berlin) =>
  addWorkingMinutes(new Date(start), minutes, hours).toISOString();

describe('working time for SLA targets', () => {
  it('without business hours every minute counts', () => {
    expect(due('2026-03-06T15:30:00Z', 120, null)).toBe('2026-03-06T17:30:00.000Z');
  });

  it('Friday 16:30 in Berlin with a 2 h target, 09:00–17:00 Mon–Fri, is due Monday 10:30', () => {
    // 16:30 CET is 15:30 UTC; Monday 10:30 CET is 09:30 UTC.
    expect(due('2026-03-06T15:30:00Z', 120)).toBe('2026-03-09T09:30:00.000Z');
  });

  it('a ticket opened at night starts counting when the desk opens', () => {
    // Tuesday 03:00 CET → 09:00 + 30 min.
    expect(due('2026-03-10T02:00:00Z', 30)).toBe('2026-03-10T08:30:00.000Z');
  });

  it('across the change to summer time in March, working hours stay 09:00–17:00 local', () => {
    // Friday 27 March 2026 16:00 CET; clocks go forward on Sunday 29 March.
    // 1 h left on Friday, 1 h on Monday from 09:00 CEST (07:00 UTC).
    expect(due('2026-03-27T15:00:00Z', 120)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('across the change to winter time in October, likewise', () => {
    // Friday 23 October 2026 16:00 CEST (14:00 UTC); clocks go back on Sunday 25 October.
    // Monday 09:00 CET is 08:00 UTC, plus the remaining hour.
    expect(due('2026-10-23T14:00:00Z', 120)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('a target of 0 is due at once, even outside business hours', () => {
    expect(due('2026-03-07T12:00:00Z', 0)).toBe('2026-03-07T12:00:00.000Z');
  });

  it('a target of whole business days skips the weekend', () => {
    // Two 8-hour days from Thursday 09:00 end on Friday 17:00; a minute more is Monday 09:01.
    expect(due('2026-03-05T08:00:00Z', 16 * 60)).toBe('2026-03-06T16:00:00.000Z');
    expect(due('2026-03-05T08:00:00Z', 16 * 60 + 1)).toBe('2026-03-09T08:01:00.000Z');
  });

  it('a time zone given as an offset counts in that fixed offset', () => {
    const fixed = { ...berlin, timezone: '+02:00' };
    // Friday 16:30 at +02:00 is 14:30 UTC; Monday 10:30 at +02:00 is 08:30 UTC.
    expect(due('2026-03-06T14:30:00Z', 120, fixed)).toBe('2026-03-09T08:30:00.000Z');
  });

  it('weekend days can be working days', () => {
    const everyDay = { ...berlin, days: [1, 2, 3, 4, 5, 6, 7] };
    expect(due('2026-03-06T15:30:00Z', 120, everyDay)).toBe('2026-03-07T09:30:00.000Z');
  });
});
