import type { Ticket, TicketPage } from '@helpdesk/shared/domain';
import { Clock } from '../src/common/clock';
import { OutboxMessageEntity } from '../src/app/notifications/outbox-message.entity';
import { SlaWatcher } from '../src/app/sla/sla-watcher';
import { type Cast, TestApp, expectStatus } from './support/test-app';

const MINUTE = 60_000;

describe('SLA clocks', () => {
  let t: TestApp;
  let cast: Cast;
  let now = Date.now();

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterAll(() => t.close());

  const enable = () =>
    cast.admin.patch('/api/settings').send({
      sla: {
        enabled: true,
        businessHours: null,
        targets: {
          urgent: { firstResponseMinutes: 60, resolutionMinutes: 240 },
          low: { firstResponseMinutes: 600, resolutionMinutes: 2400 },
        },
      },
    });
  const ticket = async (id: number) => (await cast.admin.get(`/api/tickets/${id}`)).body as Ticket;
  const listed = async (query: string) =>
    ((await cast.admin.get(`/api/tickets?${query}`)).body as TicketPage).items.map((i) => i.id);
  const urgentTicket = async () => {
    const created = await t.ticketAssigned({
      owner: cast.user,
      admin: cast.admin,
      agent: cast.agent,
    });
    expectStatus(
      await cast.admin.patch(`/api/tickets/${created.id}`).send({ priority: 'urgent' }),
      200,
    );
    return ticket(created.id);
  };

  it('while SLA is off (the default) a ticket carries no clocks', async () => {
    const created = await cast.user.createTicket();
    expect(created.sla).toBeNull();
  });

  describe('with SLA on', () => {
    beforeAll(async () => expectStatus(await enable(), 200));
    beforeEach(() => (now = Date.now()));

    it('due times come from the targets of the priority, counted from creation', async () => {
      const created = await urgentTicket();
      const opened = new Date(created.createdAt).getTime();
      expect(created.sla).toEqual({
        firstResponseDueAt: new Date(opened + 60 * MINUTE).toISOString(),
        firstRespondedAt: null,
        resolutionDueAt: new Date(opened + 240 * MINUTE).toISOString(),
        resolvedAt: null,
        firstResponseBreached: false,
        resolutionBreached: false,
      });
    });

    it('a priority change recomputes the due times from the creation time', async () => {
      const created = await urgentTicket();
      const opened = new Date(created.createdAt).getTime();
      await cast.admin.patch(`/api/tickets/${created.id}`).send({ priority: 'low' });
      expect((await ticket(created.id)).sla?.firstResponseDueAt).toBe(
        new Date(opened + 600 * MINUTE).toISOString(),
      );
    });

    it('the first public reply of staff is the first response; notes and the owner do not count', async () => {
      const created = await urgentTicket();
      await cast.user.post(`/api/tickets/${created.id}/comments`).send({ body: 'Hello?' });
      await cast.agent
        .post(`/api/tickets/${created.id}/comments`)
        .send({ body: 'Looking', internal: true });
      expect((await ticket(created.id)).sla?.firstRespondedAt).toBeNull();
      await cast.agent.post(`/api/tickets/${created.id}/comments`).send({ body: 'On it' });
      const responded = (await ticket(created.id)).sla?.firstRespondedAt;
      expect(responded).not.toBeNull();
      await cast.admin.post(`/api/tickets/${created.id}/comments`).send({ body: 'Me too' });
      expect((await ticket(created.id)).sla?.firstRespondedAt).toBe(responded);
    });

    it('resolution is the first move to resolved; reopening clears it, the due time stays', async () => {
      const created = await urgentTicket();
      const due = created.sla?.resolutionDueAt;
      await cast.agent.patch(`/api/tickets/${created.id}`).send({ status: 'resolved' });
      expect((await ticket(created.id)).sla?.resolvedAt).not.toBeNull();
      await cast.user.patch(`/api/tickets/${created.id}`).send({ status: 'open' });
      const reopened = (await ticket(created.id)).sla;
      expect(reopened?.resolvedAt).toBeNull();
      expect(reopened?.resolutionDueAt).toBe(due);
    });

    it('breach flags and filters follow the clock (moved, never slept)', async () => {
      const created = await urgentTicket();
      now += MINUTE; // its first response is now due in 59 minutes
      expect(await listed('sla=due_soon&pageSize=100')).toContain(created.id);
      expect(await listed('sla=breached&pageSize=100')).not.toContain(created.id);

      now += 60 * MINUTE;
      expect((await ticket(created.id)).sla).toMatchObject({
        firstResponseBreached: true,
        resolutionBreached: false,
      });
      expect(await listed('sla=breached&pageSize=100')).toContain(created.id);
      expect(await listed('sla=due_soon&pageSize=100')).not.toContain(created.id);

      now += 180 * MINUTE;
      expect((await ticket(created.id)).sla?.resolutionBreached).toBe(true);
    });

    it('sort=due puts the soonest unmet target first and tickets without one last', async () => {
      const later = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const sooner = await urgentTicket();
      const done = await urgentTicket();
      await cast.agent.patch(`/api/tickets/${done.id}`).send({ status: 'resolved' });
      const order = await listed('sort=due&pageSize=100');
      expect(order.indexOf(sooner.id)).toBeLessThan(order.indexOf(later.id));
      expect(order.indexOf(later.id)).toBeLessThan(order.indexOf(done.id));
    });

    it('bad SLA filters are 400s', async () => {
      expectStatus(await cast.admin.get('/api/tickets?sla=late'), 400);
      expectStatus(await cast.admin.get('/api/tickets?sort=soon'), 400);
    });
  });
});

describe('SLA warnings by e-mail', () => {
  let first: TestApp;
  let second: TestApp;
  let cast: Cast;
  let now = Date.now();

  beforeAll(async () => {
    first = await TestApp.start();
    second = await TestApp.start({ shareDatabaseWith: first });
    cast = await first.signInCast();
    for (const app of [first, second]) {
      jest.spyOn(app.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    }
    expectStatus(
      await cast.admin.patch('/api/settings').send({
        sla: {
          enabled: true,
          targets: { medium: { firstResponseMinutes: 100, resolutionMinutes: 1000 } },
        },
      }),
      200,
    );
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const mailsAbout = async (id: number) =>
    (await first.repo(OutboxMessageEntity).find({ order: { id: 'ASC' } }))
      .filter((mail) => mail.subject.includes(`[#${id}] `))
      .map((mail) => `${mail.to}: ${mail.subject.replace(/ \[#\d+\] .*/, '')}`);
  const checkOnBoth = () =>
    Promise.all([first.app.get(SlaWatcher).check(), second.app.get(SlaWatcher).check()]);

  it('each warning and breach goes once to the assignee, though both instances check', async () => {
    const assigned = await first.ticketAssigned({
      owner: cast.user,
      admin: cast.admin,
      agent: cast.agent,
    });
    const slaMails = async () =>
      (await mailsAbout(assigned.id)).filter((mail) => /due soon|overdue/.test(mail));
    now = Date.now() + 50 * MINUTE;
    await checkOnBoth();
    expect(await slaMails()).toEqual([]);

    now = Date.now() + 81 * MINUTE;
    await checkOnBoth();
    await checkOnBoth();
    expect(await slaMails()).toEqual(['agent@example.com: [Helpdesk] First response due soon:']);

    now = Date.now() + 101 * MINUTE;
    await checkOnBoth();
    await checkOnBoth();
    expect(await slaMails()).toEqual([
      'agent@example.com: [Helpdesk] First response due soon:',
      'agent@example.com: [Helpdesk] First response overdue:',
    ]);
  });

  it('an unassigned ticket warns the admins; a met target warns nobody', async () => {
    const unassigned = await cast.user.createTicket({ subject: 'Nobody has me' });
    const answered = await first.ticketAssigned({
      owner: cast.user,
      admin: cast.admin,
      agent: cast.agent,
    });
    await cast.agent.post(`/api/tickets/${answered.id}/comments`).send({ body: 'Hi' });
    now = Date.now() + 101 * MINUTE;
    await checkOnBoth();
    expect(await mailsAbout(unassigned.id)).toEqual([
      'admin@example.com: [Helpdesk] First response overdue:',
    ]);
    expect(
      (await mailsAbout(answered.id)).filter((mail) => mail.includes('First response')),
    ).toEqual([]);
  });
});
