import { inject, Pipe, PipeTransform } from '@angular/core';
import { DateFormat } from './date-format';

/** "3 minutes ago" for an ISO timestamp, in the browser's locale (see {@link DateFormat}). */
@Pipe({ name: 'relativeTime' })
export class RelativeTime implements PipeTransform {
  private readonly format = inject(DateFormat);
  transform(iso: string, now: number = Date.now()): string {
    return this.format.relative(iso, now);
  }
}
