import { Pipe, PipeTransform } from '@angular/core';

const UNITS: readonly [string, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How old something is, in its largest whole unit: "3 days", "1 hour", "under a minute". */
export function ageText(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  return 'under a minute';
}

/** `{{ ticket.createdAt | age }}` → "3 days". */
@Pipe({ name: 'age' })
export class Age implements PipeTransform {
  transform(iso: string, now?: number): string {
    return ageText(iso, now);
  }
}
