import type { DeskReport } from '@helpdesk/shared/domain';
import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { type Cast, TestApp, expectStatus } from './support/test-app';

const MINUTE = 60_000;
const at = (iso: string, plusMinutes = 0) =>
  new Date(new Date(iso).getTime() + plusMinutes * MINUTE);

/**
 * A fixture whose figures are worked out by hand. The range is 28–30 March 2026 in Berlin,
 * across the change to summer time (the 29th has 23 hours), so local days are not UTC days.
 */
describe('Reports', () => {
  let t: TestApp;
  let cast: Cast;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
    const ticket = async (name: string, subject: string, fields: Partial<TicketEntity>) => {
      const created = await cast.user.createTicket({ subject });
      ids[name] = created.id;
      await t.repo(TicketEntity).update({ id: created.id }, fields);
    };
    const clocks = (created: string, responded: number | null, resolved: number | null) => ({
      createdAt: at(created),
      firstResponseDueAt: at(created, 60),
      resolutionDueAt: at(created, 240),
      firstRespondedAt: responded === null ? null : at(created, responded),
      resolvedAt: resolved === null ? null : at(created, resolved),
    });
    // 11:00 in Berlin on the 28th; answered in 30 min, resolved in 2 h: both met; 5 stars.
    await ticket('a', '=SUM(1) printer', {
      ...clocks('2026-03-28T10:00:00Z', 30, 120),
      status: 'resolved',
      assigneeId: cast.agent.user.id,
      ratingStars: 5,
    });
    // 00:30 summer time on the 30th; answered in 90 min, resolved in 5 h: both missed; 2 stars.
    await ticket('b', 'Says "hi", twice', {
      ...clocks('2026-03-29T22:30:00Z', 90, 300),
      status: 'resolved',
      assigneeId: cast.agent.user.id,
      ratingStars: 2,
    });
    // 00:30 winter time on the 29th; never answered, both targets long past.
    await ticket('c', 'VPN', {
      ...clocks('2026-03-28T23:30:00Z', null, null),
      assigneeId: cast.otherAgent.user.id,
    });
    // Opened before the range, resolved on the 28th.
    await ticket('d', 'Old one', {
      createdAt: at('2026-03-27T12:00:00Z'),
      resolvedAt: at('2026-03-28T09:00:00Z'),
      status: 'closed',
    });
    // 02:00 on the 31st in Berlin: after the range.
    await ticket('e', 'Too late', { createdAt: at('2026-03-31T00:00:00Z') });
  });
  afterAll(() => t.close());

  const report = (query: string) => cast.admin.get(`/api/reports?${query}`);

  it('computes every figure of the range in the time zone asked for', async () => {
    const response = await report('from=2026-03-28&to=2026-03-30&tz=Europe/Berlin');
    expectStatus(response, 200);
    expect(response.body as DeskReport).toEqual({
      created: 3,
      resolved: 3,
      backlog: { open: 2, inProgress: 0 },
      firstResponse: { medianMinutes: 30, p90Minutes: 90, metPercent: 33.3 },
      resolution: { medianMinutes: 120, p90Minutes: 300, metPercent: 33.3 },
      csat: {
        average: 3.5,
        count: 2,
        distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
        satisfiedPercent: 50,
      },
      perAgent: [
        {
          agent: { id: cast.agent.user.id, name: cast.agent.user.name },
          assigned: 2,
          resolved: 2,
          medianFirstResponseMinutes: 30,
          csatAverage: 3.5,
        },
        {
          agent: { id: cast.otherAgent.user.id, name: cast.otherAgent.user.name },
          assigned: 1,
          resolved: 0,
          medianFirstResponseMinutes: null,
          csatAverage: null,
        },
      ],
      daily: [
        { date: '2026-03-28', created: 1, resolved: 2, backlog: 0 },
        { date: '2026-03-29', created: 1, resolved: 0, backlog: 1 },
        { date: '2026-03-30', created: 1, resolved: 1, backlog: 1 },
      ],
    });
  });

  it('the same range in UTC puts tickets on other days', async () => {
    const response = await report('from=2026-03-28&to=2026-03-30&tz=UTC');
    const body = response.body as DeskReport;
    expect(body.daily.map((day) => [day.date, day.created])).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 1],
      ['2026-03-30', 0],
    ]);
  });

  it('a range with nothing to measure reads null, not zero', async () => {
    const body = (await report('from=2025-01-01&to=2025-01-02')).body as DeskReport;
    expect(body.created).toBe(0);
    expect(body.firstResponse).toEqual({ medianMinutes: null, p90Minutes: null, metPercent: null });
    expect(body.csat).toMatchObject({ average: null, count: 0, satisfiedPercent: null });
  });

  it.each([
    'from=2026-03-30&to=2026-03-28',
    'from=2026-3-1&to=2026-03-28',
    'from=2026-02-30&to=2026-03-28',
    'from=2024-01-01&to=2026-01-01',
    'from=2026-03-01&to=2026-03-28&tz=Mars/Olympus',
    'to=2026-03-28',
  ])('%s is a 400', async (query) => {
    expectStatus(await report(query), 400);
  });

  it('reports are for admins', async () => {
    expectStatus(await cast.agent.get('/api/reports?from=2026-03-28&to=2026-03-30'), 403);
    expectStatus(
      await cast.user.get('/api/reports/tickets.csv?from=2026-03-28&to=2026-03-30'),
      403,
    );
  });

  it('the CSV has a header and one row per ticket created in the range, escaped', async () => {
    const response = await cast.admin.get(
      '/api/reports/tickets.csv?from=2026-03-28&to=2026-03-30&tz=Europe/Berlin',
    );
    expectStatus(response, 200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(
      'id,subject,requester,assignee,priority,status,tags,createdAt,firstRespondedAt,resolvedAt,firstResponseMet,resolutionMet,stars',
    );
    expect(lines.slice(1, -1)).toEqual([
      `${ids['a']},'=SUM(1) printer,user@example.com,${cast.agent.user.name},medium,resolved,,2026-03-28T10:00:00.000Z,2026-03-28T10:30:00.000Z,2026-03-28T12:00:00.000Z,true,true,5`,
      `${ids['b']},"Says ""hi"", twice",user@example.com,${cast.agent.user.name},medium,resolved,,2026-03-29T22:30:00.000Z,2026-03-30T00:00:00.000Z,2026-03-30T03:30:00.000Z,false,false,2`,
      `${ids['c']},VPN,user@example.com,${cast.otherAgent.user.name},medium,open,,2026-03-28T23:30:00.000Z,,,false,false,`,
    ]);
    expect(lines.at(-1)).toBe('');
  });
});
