import { inject, Injectable, Pipe, type PipeTransform } from '@angular/core';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** The language the browser asks for ("en-GB"), which sets day/month order and the clock. */
function browserLocale(): string {
  const asked = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return asked[0] ?? (typeof navigator === 'undefined' ? 'en' : navigator.language) ?? 'en';
}

/**
 * Every date the app shows, in the browser's locale and time zone: relative in lists ("3 hours
 * ago", with {@link exact} on hover), absolute on a ticket's page ("25 Nov 2026, 14:03").
 */
@Injectable({ providedIn: 'root' })
export class DateFormat {
  readonly locale = browserLocale();
  private readonly exactFormat = new Intl.DateTimeFormat(this.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  private readonly dayFormat = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' });
  private readonly relativeFormat = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });

  /** Date and time to the minute. */
  exact(iso: string): string {
    return this.exactFormat.format(new Date(iso));
  }

  /** The day only. */
  day(iso: string): string {
    return this.dayFormat.format(new Date(iso));
  }

  /** "3 minutes ago", "in 2 days"; "now" under a minute. */
  relative(iso: string, now: number = Date.now()): string {
    const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size)
        return this.relativeFormat.format(Math.round(seconds / size), unit);
    }
    return this.relativeFormat.format(0, 'second');
  }
}

/** `{{ at | exactTime }}`: see {@link DateFormat.exact}. */
@Pipe({ name: 'exactTime' })
export class ExactTime implements PipeTransform {
  private readonly format = inject(DateFormat);
  transform(iso: string): string {
    return this.format.exact(iso);
  }
}

/** `{{ at | dayDate }}`: see {@link DateFormat.day}. */
@Pipe({ name: 'dayDate' })
export class DayDate implements PipeTransform {
  private readonly format = inject(DateFormat);
  transform(iso: string): string {
    return this.format.day(iso);
  }
}
