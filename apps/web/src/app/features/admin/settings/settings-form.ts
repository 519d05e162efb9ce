import type { NonNullableFormBuilder } from '@angular/forms';
import {
  AssignmentMode,
  PRIORITIES,
  type BusinessHours,
  type DeskSettings,
  type DeskSettingsPatch,
} from '@helpdesk/shared/domain';

/** The settings page's form: every desk setting, plus whether business hours are used at all. */
export function settingsForm(fb: NonNullableFormBuilder) {
  const target = () =>
    fb.group({
      firstResponseMinutes: fb.control<number | null>(null),
      resolutionMinutes: fb.control<number | null>(null),
    });
  return fb.group({
    assignment: fb.group({
      mode: fb.control<AssignmentMode>(AssignmentMode.Manual),
      agentsSeeUnassigned: false,
    }),
    sla: fb.group({
      enabled: false,
      useBusinessHours: false,
      businessHours: fb.group({
        timezone: '',
        days: fb.control<number[]>([]),
        start: '',
        end: '',
      }),
      targets: fb.group({ urgent: target(), high: target(), medium: target(), low: target() }),
    }),
    csat: fb.group({ reopenOnLowRating: false }),
  });
}

export type SettingsForm = ReturnType<typeof settingsForm>;

/** Office hours in the browser's zone: what a desk that starts counting in hours likely keeps. */
function usualBusinessHours(): BusinessHours {
  return {
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    days: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '17:00',
  };
}

/** Shows the settings in the form, as its untouched state. */
export function fillSettingsForm(form: SettingsForm, settings: DeskSettings): void {
  const hours = settings.sla.businessHours;
  form.reset({
    assignment: settings.assignment,
    sla: {
      enabled: settings.sla.enabled,
      useBusinessHours: hours !== null,
      businessHours: hours ?? usualBusinessHours(),
      targets: settings.sla.targets,
    },
    csat: settings.csat,
  });
}

/**
 * Every setting as the form holds it, as a patch to judge with `applyDeskSettingsPatch` (empty
 * numbers stay `null`, so the shared rules say what is wrong with them).
 */
export function settingsFromForm(form: SettingsForm): unknown {
  const { assignment, sla, csat } = form.getRawValue();
  return {
    assignment,
    sla: {
      enabled: sla.enabled,
      businessHours: sla.useBusinessHours ? sla.businessHours : null,
      targets: sla.targets,
    },
    csat,
  };
}

/** The fields of `after` that differ from `before`, or `null` when none do. */
function changed<T extends object>(before: T, after: T): Partial<T> | null {
  const keys = (Object.keys(after) as (keyof T)[]).filter((key) => before[key] !== after[key]);
  return keys.length
    ? (Object.fromEntries(keys.map((key) => [key, after[key]])) as Partial<T>)
    : null;
}

/**
 * The smallest patch that turns `before` into `after` (`null`: nothing changed), so an admin's
 * save never overwrites what another admin changed elsewhere meanwhile.
 */
export function settingsChanges(
  before: DeskSettings,
  after: DeskSettings,
): DeskSettingsPatch | null {
  const patch: DeskSettingsPatch = {};
  const assignment = changed(before.assignment, after.assignment);
  if (assignment) patch.assignment = assignment;
  const sla: NonNullable<DeskSettingsPatch['sla']> = {};
  if (before.sla.enabled !== after.sla.enabled) sla.enabled = after.sla.enabled;
  if (JSON.stringify(before.sla.businessHours) !== JSON.stringify(after.sla.businessHours)) {
    sla.businessHours = after.sla.businessHours;
  }
  for (const priority of PRIORITIES) {
    const target = changed(before.sla.targets[priority], after.sla.targets[priority]);
    if (target) sla.targets = { ...sla.targets, [priority]: target };
  }
  if (Object.keys(sla).length) patch.sla = sla;
  const csat = changed(before.csat, after.csat);
  if (csat) patch.csat = csat;
  return Object.keys(patch).length ? patch : null;
}
