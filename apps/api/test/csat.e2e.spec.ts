import type { HistoryEntry, Ticket } from '@helpdesk/shared/domain';
import { OutboxMessageEntity } from '../src/app/notifications/outbox-message.entity';
import { type Cast, TestApp, expectStatus } from './support/test-app';

describe('Satisfaction that acts', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
  });
  afterAll(() => t.close());

  const resolvedTicket = () =>
    t.ticketAssigned({ owner: cast.user, admin: cast.admin, agent: cast.agent }, 'resolved');
  const rate = (id: number, stars: number) =>
    cast.user.put(`/api/tickets/${id}/rating`).send({ stars, feedback: 'Hm' });
  const mailsAbout = async (id: number) =>
    (await t.repo(OutboxMessageEntity).find({ order: { id: 'ASC' } }))
      .filter((mail) => mail.subject.includes(`[#${id}] `) && /rating/i.test(mail.subject))
      .map((mail) => mail.to)
      .sort();

  it('1 or 2 stars e-mail the assignee and the admins; 3 and up nobody', async () => {
    const low = await resolvedTicket();
    expectStatus(await rate(low.id, 2), 200);
    expect(await mailsAbout(low.id)).toEqual(['admin@example.com', 'agent@example.com']);
    const fine = await resolvedTicket();
    expectStatus(await rate(fine.id, 3), 200);
    expect(await mailsAbout(fine.id)).toEqual([]);
  });

  it('by default a low rating leaves the status as it is', async () => {
    const low = await resolvedTicket();
    const rated = (await rate(low.id, 1)).body as Ticket;
    expect(rated.status).toBe('resolved');
  });

  it('with reopenOnLowRating the desk reopens the ticket, recorded with no person', async () => {
    expectStatus(
      await cast.admin.patch('/api/settings').send({ csat: { reopenOnLowRating: true } }),
      200,
    );
    const low = await resolvedTicket();
    const rated = (await rate(low.id, 1)).body as Ticket;
    expect(rated.status).toBe('open');
    expect((await t.storedTicket(low.id)).status).toBe('open');
    const history = (await cast.admin.get(`/api/tickets/${low.id}/history`)).body as HistoryEntry[];
    expect(history.slice(-2).map((e) => [e.action, e.from, e.to, e.actor?.id ?? null])).toEqual([
      ['rated', null, '1', cast.user.user.id],
      ['status_changed', 'resolved', 'open', null],
    ]);
    const good = await resolvedTicket();
    expect(((await rate(good.id, 4)).body as Ticket).status).toBe('resolved');
  });
});
