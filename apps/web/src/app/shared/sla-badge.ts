import type { TicketSla } from '@helpdesk/shared/domain';
import { readableMinutes } from './duration';

/** `soon`: due within the hour, as the list's "Due soon" filter counts it. */
export type DueTone = 'due' | 'soon' | 'breached';

export interface DueBadge {
  /** What the badge says: "due in 45 min", "due tomorrow 10:30", "overdue 20 min". */
  text: string;
  tone: DueTone;
  /** The exact due time and of which target, for a tooltip. */
  detail: string;
  dueAt: string;
}

const SOON_MINUTES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_DAYS = 7;
/** Closer than this, hours read better than a clock time, even past midnight. */
const NEAR_MINUTES = 6 * 60;

/** The target still to meet: the first response until it is given, then the resolution. */
function nextTarget(sla: TicketSla): { name: string; dueAt: string; breached: boolean } | null {
  if (sla.resolvedAt) return null;
  if (!sla.firstRespondedAt) {
    return {
      name: 'First response',
      dueAt: sla.firstResponseDueAt,
      breached: sla.firstResponseBreached,
    };
  }
  return { name: 'Resolution', dueAt: sla.resolutionDueAt, breached: sla.resolutionBreached };
}

function format(timeZone: string | undefined, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options });
}

/** The calendar day of an instant in the zone, as a day number (for "tomorrow"). */
function dayNumber(at: number, timeZone: string | undefined): number {
  const parts = format(timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(at)
    .reduce<Record<string, number>>(
      (all, part) => ({ ...all, [part.type]: Number(part.value) }),
      {},
    );
  return Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1) / DAY_MS;
}

/** "in 45 min", "in 3 h", "tomorrow 10:30", "Fri 10:30", "3 Dec 10:30" (in the zone). */
function dueText(due: number, now: number, timeZone: string | undefined): string {
  const minutes = Math.max(1, Math.ceil((due - now) / 60_000));
  if (minutes < 60) return `in ${minutes} min`;
  const days = dayNumber(due, timeZone) - dayNumber(now, timeZone);
  if (days === 0 || minutes < NEAR_MINUTES) return `in ${Math.round(minutes / 60)} h`;
  const time = format(timeZone, { hour: '2-digit', minute: '2-digit' }).format(due);
  if (days === 1) return `tomorrow ${time}`;
  if (days < WEEK_DAYS) return `${format(timeZone, { weekday: 'short' }).format(due)} ${time}`;
  return `${format(timeZone, { day: 'numeric', month: 'short' }).format(due)} ${time}`;
}

/**
 * What a ticket's due badge says at `now`: the next unmet SLA target, or `null` when the ticket
 * has none (no SLA, or every target met). Breached once the server says so or the due time has
 * passed, whichever comes first. `timeZone` is the reader's (the browser's by default).
 */
export function dueBadge(sla: TicketSla | null, now: number, timeZone?: string): DueBadge | null {
  const target = sla && nextTarget(sla);
  if (!target) return null;
  const due = Date.parse(target.dueAt);
  const exact = format(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(due);
  const overdue = Math.floor((now - due) / 60_000);
  if (target.breached || now > due) {
    return {
      text: overdue >= 1 ? `overdue ${readableMinutes(overdue)}` : 'breached',
      tone: 'breached',
      detail: `${target.name} was due ${exact}`,
      dueAt: target.dueAt,
    };
  }
  return {
    text: `due ${dueText(due, now, timeZone)}`,
    tone: due - now <= SOON_MINUTES * 60_000 ? 'soon' : 'due',
    detail: `${target.name} due ${exact}`,
    dueAt: target.dueAt,
  };
}
