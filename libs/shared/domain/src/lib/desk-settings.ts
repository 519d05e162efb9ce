import { type Priority, PRIORITIES } from './enums';

export const AssignmentMode = {
  Manual: 'manual',
  RoundRobin: 'round_robin',
  LeastOpen: 'least_open',
} as const;
export type AssignmentMode = (typeof AssignmentMode)[keyof typeof AssignmentMode];
export const ASSIGNMENT_MODES: readonly AssignmentMode[] = Object.values(AssignmentMode);

export interface BusinessHours {
  /** An IANA zone (`Europe/Berlin`) or a fixed offset (`+02:00`). */
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** `HH:MM`, 24 h, in `timezone`. */
  start: string;
  end: string;
}

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface DeskSettings {
  assignment: { mode: AssignmentMode; agentsSeeUnassigned: boolean };
  sla: {
    enabled: boolean;
    businessHours: BusinessHours | null;
    targets: Record<Priority, SlaTarget>;
  };
  csat: { reopenOnLowRating: boolean };
}

/** A fresh desk behaves as version 1 did. */
export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  assignment: { mode: AssignmentMode.Manual, agentsSeeUnassigned: false },
  sla: {
    enabled: false,
    businessHours: null,
    targets: {
      urgent: { firstResponseMinutes: 60, resolutionMinutes: 4 * 60 },
      high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
      medium: { firstResponseMinutes: 8 * 60, resolutionMinutes: 3 * 24 * 60 },
      low: { firstResponseMinutes: 24 * 60, resolutionMinutes: 7 * 24 * 60 },
    },
  },
  csat: { reopenOnLowRating: false },
};

/** At most a year, in minutes: a target past that is a typing mistake. */
const TARGET_MAX_MINUTES = 366 * 24 * 60;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const OFFSET = /^[+-](0\d|1[0-4]):[0-5]\d$/;

export type DeskSettingsPatch = {
  assignment?: Partial<DeskSettings['assignment']>;
  sla?: {
    enabled?: boolean;
    businessHours?: Partial<BusinessHours> | null;
    targets?: Partial<Record<Priority, Partial<SlaTarget>>>;
  };
  csat?: Partial<DeskSettings['csat']>;
};

export type SettingsPatchResult = { settings: DeskSettings } | { errors: string[] };

export function isValidTimeZone(zone: string): boolean {
  if (OFFSET.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * Applies a partial, deep change to the settings, or says everything that is wrong with it
 * (unknown keys, wrong types, a bad time zone, an end before the start). The API and the
 * settings page judge a change with this one function.
 */
export function applyDeskSettingsPatch(current: DeskSettings, patch: unknown): SettingsPatchResult {
  const errors: string[] = [];
  const next: DeskSettings = structuredClone(current);
  const root = objectAt(patch, '', errors, ['assignment', 'sla', 'csat']);
  if (root) {
    const assignment = objectAt(root['assignment'], 'assignment', errors, [
      'mode',
      'agentsSeeUnassigned',
    ]);
    if (assignment) {
      const at = field(assignment, 'assignment', errors);
      at('mode', isAssignmentMode, `one of ${ASSIGNMENT_MODES.join(', ')}`, (mode) => {
        next.assignment.mode = mode;
      });
      at('agentsSeeUnassigned', isBoolean, 'true or false', (value) => {
        next.assignment.agentsSeeUnassigned = value;
      });
    }
    const sla = objectAt(root['sla'], 'sla', errors, ['enabled', 'businessHours', 'targets']);
    if (sla) {
      field(sla, 'sla', errors)('enabled', isBoolean, 'true or false', (value) => {
        next.sla.enabled = value;
      });
      if (sla['businessHours'] === null) next.sla.businessHours = null;
      else if ('businessHours' in sla) {
        next.sla.businessHours = businessHoursFrom(
          sla['businessHours'],
          next.sla.businessHours,
          errors,
        );
      }
      const targets = objectAt(sla['targets'], 'sla.targets', errors, PRIORITIES);
      for (const priority of PRIORITIES) {
        const path = `sla.targets.${priority}`;
        const target = objectAt(targets?.[priority], path, errors, [
          'firstResponseMinutes',
          'resolutionMinutes',
        ]);
        if (!target) continue;
        for (const key of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
          field(target, path, errors)(
            key,
            isTargetMinutes,
            `a whole number of minutes from 0 to ${TARGET_MAX_MINUTES}`,
            (minutes) => {
              next.sla.targets[priority][key] = minutes;
            },
          );
        }
      }
    }
    const csat = objectAt(root['csat'], 'csat', errors, ['reopenOnLowRating']);
    if (csat) {
      field(csat, 'csat', errors)('reopenOnLowRating', isBoolean, 'true or false', (value) => {
        next.csat.reopenOnLowRating = value;
      });
    }
  }
  return errors.length > 0 ? { errors } : { settings: next };
}

function businessHoursFrom(
  value: unknown,
  current: BusinessHours | null,
  errors: string[],
): BusinessHours | null {
  const hours = objectAt(value, 'sla.businessHours', errors, ['timezone', 'days', 'start', 'end']);
  if (!hours) return current;
  const merged = { ...current, ...hours } as Record<string, unknown>;
  const before = errors.length;
  const { timezone, days, start, end } = merged;
  if (typeof timezone !== 'string' || !isValidTimeZone(timezone)) {
    errors.push('sla.businessHours.timezone must be a time zone such as Europe/Berlin or +02:00');
  }
  const validDays =
    Array.isArray(days) &&
    days.length > 0 &&
    days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7) &&
    new Set(days).size === days.length;
  if (!validDays) {
    errors.push('sla.businessHours.days must list weekdays 1 (Monday) to 7 (Sunday), each once');
  }
  for (const [key, time] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (typeof time !== 'string' || !TIME_OF_DAY.test(time)) {
      errors.push(`sla.businessHours.${key} must be a time of day as HH:MM`);
    }
  }
  if (typeof start === 'string' && typeof end === 'string' && end <= start) {
    errors.push('sla.businessHours.end must be after start');
  }
  if (errors.length > before) return current;
  return {
    timezone: timezone as string,
    days: [...(days as number[])].sort((a, b) => a - b),
    start: start as string,
    end: end as string,
  };
}

function objectAt(
  value: unknown,
  path: string,
  errors: string[],
  keys: readonly string[],
): Record<string, unknown> | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`${path || 'settings'} must be an object`);
    return null;
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) errors.push(`${path ? `${path}.` : ''}${key} is not a setting`);
  }
  return value as Record<string, unknown>;
}

/** Sets a field of the patch when it is present and valid; says what it must be otherwise. */
function field(object: Record<string, unknown>, path: string, errors: string[]) {
  return <T>(
    key: string,
    isValid: (value: unknown) => value is T,
    expected: string,
    assign: (value: T) => void,
  ): void => {
    if (!(key in object)) return;
    const value = object[key];
    if (isValid(value)) assign(value);
    else errors.push(`${path}.${key} must be ${expected}`);
  };
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isAssignmentMode(value: unknown): value is AssignmentMode {
  return ASSIGNMENT_MODES.includes(value as AssignmentMode);
}

function isTargetMinutes(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= TARGET_MAX_MINUTES
  );
}
