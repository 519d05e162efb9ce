import type { DeskSettings, Priority, TicketSla } from '@helpdesk/shared/domain';
import type { TicketEntity } from '../ticket-core/ticket.entity';
import { addWorkingMinutes } from './business-hours';

/** A warning goes out once this share of a target's working time has passed. */
const WARNING_SHARE = 0.8;

export type SlaColumns = Pick<
  TicketEntity,
  | 'firstResponseDueAt'
  | 'firstResponseWarnAt'
  | 'firstRespondedAt'
  | 'resolutionDueAt'
  | 'resolutionWarnAt'
  | 'resolvedAt'
  | 'nextDueAt'
>;

type DueTimes = Pick<
  SlaColumns,
  'firstResponseDueAt' | 'firstResponseWarnAt' | 'resolutionDueAt' | 'resolutionWarnAt'
>;

/** The due and warning times of a ticket of `priority` opened at `openedAt`. */
export function dueTimes(priority: Priority, openedAt: Date, sla: DeskSettings['sla']): DueTimes {
  const target = sla.targets[priority];
  const after = (minutes: number) => addWorkingMinutes(openedAt, minutes, sla.businessHours);
  return {
    firstResponseDueAt: after(target.firstResponseMinutes),
    firstResponseWarnAt: after(Math.floor(target.firstResponseMinutes * WARNING_SHARE)),
    resolutionDueAt: after(target.resolutionMinutes),
    resolutionWarnAt: after(Math.floor(target.resolutionMinutes * WARNING_SHARE)),
  };
}

/** The soonest target not yet met; none once the ticket is resolved. */
export function nextDue(clocks: Omit<SlaColumns, 'nextDueAt'>): Date | null {
  if (clocks.resolvedAt) return null;
  const unmet = [
    clocks.firstRespondedAt ? null : clocks.firstResponseDueAt,
    clocks.resolutionDueAt,
  ].filter((due): due is Date => due !== null);
  return unmet.length === 0 ? null : new Date(Math.min(...unmet.map((due) => due.getTime())));
}

/** The clocks of a new ticket. */
export function openingClocks(
  priority: Priority,
  openedAt: Date,
  sla: DeskSettings['sla'],
): SlaColumns {
  const clocks = {
    ...dueTimes(priority, openedAt, sla),
    firstRespondedAt: null,
    resolvedAt: null,
  };
  return { ...clocks, nextDueAt: nextDue(clocks) };
}

/** What a ticket shows of its clocks at `now`. */
export function slaView(
  clocks: Pick<
    SlaColumns,
    'firstResponseDueAt' | 'firstRespondedAt' | 'resolutionDueAt' | 'resolvedAt'
  >,
  now: Date,
): TicketSla | null {
  const { firstResponseDueAt, resolutionDueAt, firstRespondedAt, resolvedAt } = clocks;
  if (!firstResponseDueAt || !resolutionDueAt) return null;
  return {
    firstResponseDueAt: firstResponseDueAt.toISOString(),
    firstRespondedAt: firstRespondedAt?.toISOString() ?? null,
    resolutionDueAt: resolutionDueAt.toISOString(),
    resolvedAt: resolvedAt?.toISOString() ?? null,
    firstResponseBreached: (firstRespondedAt ?? resolvedAt ?? now) > firstResponseDueAt,
    resolutionBreached: (resolvedAt ?? now) > resolutionDueAt,
  };
}
