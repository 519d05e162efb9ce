import { DEFAULT_DESK_SETTINGS, type DeskSettings } from '@helpdesk/shared/domain';
import { DeskSettingsEntity } from '../src/app/settings/desk-settings.entity';
import { type Cast, TestApp, expectStatus } from './support/test-app';

describe('Desk settings', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
  });
  afterAll(() => t.close());

  const stored = async () =>
    (await t.repo(DeskSettingsEntity).findOneByOrFail({ id: 1 })).data as DeskSettings;

  it('a fresh desk has the defaults: manual assignment, no pool, SLA off, no reopening', async () => {
    const response = await cast.agent.get('/api/settings');
    expectStatus(response, 200);
    expect(response.body).toEqual(DEFAULT_DESK_SETTINGS);
  });

  it('agents and admins read them; users do not', async () => {
    expectStatus(await cast.admin.get('/api/settings'), 200);
    expectStatus(await cast.user.get('/api/settings'), 403);
    expectStatus(await t.http().get('/api/settings'), 401);
  });

  it('only admins change them, partially and deeply; the rest stays', async () => {
    expectStatus(
      await cast.agent.patch('/api/settings').send({ assignment: { mode: 'round_robin' } }),
      403,
    );
    const response = await cast.admin.patch('/api/settings').send({
      assignment: { mode: 'least_open' },
      sla: { targets: { urgent: { resolutionMinutes: 120 } } },
    });
    expectStatus(response, 200);
    const settings = response.body as DeskSettings;
    expect(settings.assignment).toEqual({ mode: 'least_open', agentsSeeUnassigned: false });
    expect(settings.sla.targets.urgent).toEqual({
      firstResponseMinutes: 60,
      resolutionMinutes: 120,
    });
    expect(settings.sla.targets.high).toEqual(DEFAULT_DESK_SETTINGS.sla.targets.high);
    expect(await stored()).toEqual(settings);
    expect((await cast.agent.get('/api/settings')).body).toEqual(settings);
  });

  it.each([
    ['an unknown key', { assignment: { colour: 'red' } }],
    [
      'a bad time zone',
      {
        sla: {
          businessHours: { timezone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' },
        },
      },
    ],
    [
      'an end before the start',
      {
        sla: {
          businessHours: { timezone: 'Europe/Berlin', days: [1], start: '17:00', end: '09:00' },
        },
      },
    ],
    ['a wrong type', { csat: { reopenOnLowRating: 'yes' } }],
    ['null where a value is needed', { assignment: { mode: null } }],
    ['not an object', [1, 2]],
  ])('%s is a 400 that changes nothing', async (_, patch) => {
    const before = await stored();
    const response = await cast.admin.patch('/api/settings').send(patch);
    expectStatus(response, 400);
    expect(response.body.message).toEqual(expect.any(Array));
    expect(await stored()).toEqual(before);
  });

  it('business hours in a time zone are kept, and cleared with null', async () => {
    const hours = {
      timezone: 'Europe/Berlin',
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
    };
    const set = await cast.admin
      .patch('/api/settings')
      .send({ sla: { enabled: true, businessHours: hours } });
    expectStatus(set, 200);
    expect(set.body.sla).toMatchObject({ enabled: true, businessHours: hours });
    const cleared = await cast.admin.patch('/api/settings').send({ sla: { businessHours: null } });
    expect(cleared.body.sla.businessHours).toBeNull();
  });
});
