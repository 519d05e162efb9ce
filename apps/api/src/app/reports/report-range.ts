import { isValidTimeZone } from '@helpdesk/shared/domain';
import { BadRequestException } from '@nestjs/common';
import { DateTime } from 'luxon';

/** A year and a day: one report covers at most this many days. */
export const MAX_REPORT_DAYS = 366;

export interface ReportDay {
  date: string;
  start: Date;
  end: Date;
}

/** The local days of a report, each as the UTC instants it starts and ends at. */
export interface ReportRange {
  start: Date;
  end: Date;
  days: ReportDay[];
}

/**
 * The days from `from` to `to` (inclusive) in `timezone`, as instants. Days are local: a day
 * of a daylight-saving change lasts 23 or 25 hours, as it did for the desk.
 */
export function reportRange(from: string, to: string, timezone: string): ReportRange {
  if (!isValidTimeZone(timezone)) throw new BadRequestException('tz must be a time zone');
  const zone = /^[+-]\d{2}:\d{2}$/.test(timezone) ? `UTC${timezone}` : timezone;
  const first = DateTime.fromISO(from, { zone });
  const last = DateTime.fromISO(to, { zone });
  if (!first.isValid || !last.isValid) {
    throw new BadRequestException('from and to must be dates as YYYY-MM-DD');
  }
  const count = Math.round(last.diff(first, 'days').days) + 1;
  if (count < 1) throw new BadRequestException('to must not be before from');
  if (count > MAX_REPORT_DAYS) {
    throw new BadRequestException(`A report covers at most ${MAX_REPORT_DAYS} days`);
  }
  const days = Array.from({ length: count }, (_, index) => {
    const day = first.plus({ days: index });
    return {
      date: day.toISODate() ?? '',
      start: day.toJSDate(),
      end: day.plus({ days: 1 }).toJSDate(),
    };
  });
  return { start: first.toJSDate(), end: last.plus({ days: 1 }).toJSDate(), days };
}
