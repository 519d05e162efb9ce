import { InjectionToken } from '@angular/core';
import type { ParamMap } from '@angular/router';
import { isValidTimeZone, type ReportQuery } from '@helpdesk/shared/domain';

/** A report's range unless the URL says otherwise: the last 30 days, today included. */
export const DEFAULT_REPORT_DAYS = 30;

/** The reader's time zone, the one a report's days are counted in unless another is chosen. */
export const BROWSER_TIME_ZONE = new InjectionToken<string>('BROWSER_TIME_ZONE', {
  providedIn: 'root',
  factory: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A `YYYY-MM-DD` that names a real day. */
export function isIsoDate(value: string | null): value is string {
  if (!value || !DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Today's date in the zone (`+02:00` offsets too), as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: number): string {
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(timeZone);
  if (offset) {
    const sign = offset[1] === '-' ? -1 : 1;
    const minutes = sign * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Date(now + minutes * 60_000).toISOString().slice(0, 10);
  }
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The date `days` days after (or before) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last {@link DEFAULT_REPORT_DAYS} days up to today in the zone. */
export function defaultRange(timeZone: string, now: number): ReportQuery {
  const to = todayIn(timeZone, now);
  return { from: addDays(to, 1 - DEFAULT_REPORT_DAYS), to, tz: timeZone };
}

/** The range the URL asks for (`from`, `to`, `tz`), each part the default when missing or bad. */
export function reportQuery(params: ParamMap, timeZone: string, now: number): ReportQuery {
  const tz = params.get('tz');
  const zone = tz && isValidTimeZone(tz) ? tz : timeZone;
  const fallback = defaultRange(zone, now);
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: isIsoDate(from) ? from : fallback.from,
    to: isIsoDate(to) ? to : fallback.to,
    tz: zone,
  };
}
