import { applyDeskSettingsPatch, DEFAULT_DESK_SETTINGS, isValidTimeZone } from './desk-settings';

const apply = (patch: unknown) => applyDeskSettingsPatch(DEFAULT_DESK_SETTINGS, patch);

describe('desk settings', () => {
  it('a fresh desk behaves as version 1: manual assignment, no pool, SLA off, no reopening', () => {
    expect(DEFAULT_DESK_SETTINGS.assignment).toEqual({
      mode: 'manual',
      agentsSeeUnassigned: false,
    });
    expect(DEFAULT_DESK_SETTINGS.sla.enabled).toBe(false);
    expect(DEFAULT_DESK_SETTINGS.csat.reopenOnLowRating).toBe(false);
  });

  it('a change is partial and deep: what is not sent stays', () => {
    const result = apply({
      assignment: { mode: 'round_robin' },
      sla: { targets: { urgent: { firstResponseMinutes: 30 } } },
    });
    if (!('settings' in result)) throw new Error(result.errors.join());
    expect(result.settings.assignment).toEqual({ mode: 'round_robin', agentsSeeUnassigned: false });
    expect(result.settings.sla.targets.urgent).toEqual({
      firstResponseMinutes: 30,
      resolutionMinutes: 240,
    });
    expect(result.settings.sla.targets.low).toEqual(DEFAULT_DESK_SETTINGS.sla.targets.low);
  });

  it('business hours are set whole, merged with what is set, and cleared with null', () => {
    const hours = {
      timezone: 'Europe/Berlin',
      days: [5, 1, 2, 3, 4],
      start: '09:00',
      end: '17:00',
    };
    const set = apply({ sla: { businessHours: hours } });
    if (!('settings' in set)) throw new Error(set.errors.join());
    expect(set.settings.sla.businessHours).toEqual({ ...hours, days: [1, 2, 3, 4, 5] });
    const later = applyDeskSettingsPatch(set.settings, {
      sla: { businessHours: { end: '18:00' } },
    });
    expect('settings' in later && later.settings.sla.businessHours?.end).toBe('18:00');
    const cleared = applyDeskSettingsPatch(set.settings, { sla: { businessHours: null } });
    expect('settings' in cleared && cleared.settings.sla.businessHours).toBeNull();
  });

  it.each([
    [{ colour: 'red' }, 'colour is not a setting'],
    [{ assignment: { mode: 'random' } }, 'assignment.mode must be one of'],
    [
      { assignment: { agentsSeeUnassigned: 'yes' } },
      'assignment.agentsSeeUnassigned must be true or false',
    ],
    [
      { assignment: { agentsSeeUnassigned: null } },
      'assignment.agentsSeeUnassigned must be true or false',
    ],
    [
      { sla: { targets: { urgent: { firstResponseMinutes: -1 } } } },
      'sla.targets.urgent.firstResponseMinutes must be',
    ],
    [{ sla: { targets: { urgent: { firstResponseMinutes: 1.5 } } } }, 'must be a whole number'],
    [{ sla: { targets: { extreme: {} } } }, 'sla.targets.extreme is not a setting'],
    [
      {
        sla: {
          businessHours: { timezone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' },
        },
      },
      'timezone must be',
    ],
    [
      { sla: { businessHours: { timezone: 'UTC', days: [1], start: '17:00', end: '09:00' } } },
      'end must be after start',
    ],
    [
      { sla: { businessHours: { timezone: 'UTC', days: [0, 8], start: '09:00', end: '17:00' } } },
      'days must list weekdays',
    ],
    [
      { sla: { businessHours: { timezone: 'UTC', days: [1], start: '9am', end: '17:00' } } },
      'start must be a time of day',
    ],
    [{ sla: { businessHours: { end: '18:00' } } }, 'timezone must be'],
    [[], 'settings must be an object'],
    [{ csat: true }, 'csat must be an object'],
  ])('refuses %j', (patch, message) => {
    const result = apply(patch);
    expect('errors' in result && result.errors.join('\n')).toContain(message);
  });

  it('time zones are IANA names or fixed offsets', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('+02:00')).toBe(true);
    expect(isValidTimeZone('-05:30')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
