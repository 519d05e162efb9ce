import type { BusinessHours } from '@helpdesk/shared/domain';
import { DateTime } from 'luxon';

/** Past this many days without enough open hours, the settings cannot be right. */
const MAX_DAYS = 3700;

/** Luxon names a fixed offset `UTC+02:00`; the settings write it `+02:00`. */
function zoneOf(timezone: string): string {
  return /^[+-]\d{2}:\d{2}$/.test(timezone) ? `UTC${timezone}` : timezone;
}

function timeOfDay(value: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = value.split(':').map(Number);
  return { hour, minute };
}

/**
 * The moment `minutes` of working time after `start`. Without business hours every minute
 * counts; with them, only the minutes between `start` and `end` on the listed weekdays, in
 * the desk's time zone, whose daylight-saving changes luxon applies. A target of 0 is due
 * at once.
 */
export function addWorkingMinutes(start: Date, minutes: number, hours: BusinessHours | null): Date {
  if (!hours || minutes === 0) return new Date(start.getTime() + minutes * 60_000);
  const open = timeOfDay(hours.start);
  const close = timeOfDay(hours.end);
  let cursor = DateTime.fromJSDate(start, { zone: zoneOf(hours.timezone) });
  let remaining = minutes;
  for (let day = 0; day < MAX_DAYS; day += 1) {
    if (hours.days.includes(cursor.weekday)) {
      const opens = cursor.set({ ...open, second: 0, millisecond: 0 });
      const closes = cursor.set({ ...close, second: 0, millisecond: 0 });
      if (cursor < opens) cursor = opens;
      if (cursor < closes) {
        const available = closes.diff(cursor, 'minutes').minutes;
        if (remaining <= available) return cursor.plus({ minutes: remaining }).toJSDate();
        remaining -= available;
      }
    }
    cursor = cursor.plus({ days: 1 }).startOf('day');
  }
  throw new Error('The business hours leave no time to meet the target');
}
