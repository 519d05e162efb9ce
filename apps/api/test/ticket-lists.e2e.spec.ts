import type { TicketSummary } from '@helpdesk/shared/domain';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Ticket lists', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;
  let otherUser: Session;
  const ids: Record<string, number> = {};

  const idsOf = (items: TicketSummary[]) => items.map((item) => item.id);

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent, otherUser } = await t.signInCast());

    // Created one after another so that creation order is known.
    const make = async (key: string, who: Session, priority: string, assigneeId?: number) => {
      const ticket = await who.createTicket({ subject: `Ticket ${key}`, priority });
      if (assigneeId) {
        expectStatus(
          await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId }),
          200,
        );
      }
      ids[key] = ticket.id;
      await new Promise((resolve) => setTimeout(resolve, 3));
    };
    await make('u-low', user, 'low', agent.user.id);
    await make('u-urgent', user, 'urgent', agent.user.id);
    await make('u-medium', user, 'medium');
    await make('u-high', user, 'high', otherAgent.user.id);
    await make('o-high', otherUser, 'high', agent.user.id);
    await make('o-low', otherUser, 'low');
    expectStatus(
      await agent.patch(`/api/tickets/${ids['u-low']}`).send({ status: 'in_progress' }),
      200,
    );
    expectStatus(
      await admin.patch(`/api/tickets/${ids['o-high']}`).send({ status: 'resolved' }),
      200,
    );
  });
  afterAll(() => t.close());

  describe('scope by role', () => {
    it('a user lists only the tickets they own', async () => {
      const response = await user.get('/api/tickets');
      expectStatus(response, 200);
      expect(response.body).toEqual({
        items: expect.any(Array),
        total: 4,
        page: 1,
        pageSize: 25,
        totalCapped: false,
      });
      expect(idsOf(response.body.items).sort()).toEqual(
        [ids['u-low'], ids['u-urgent'], ids['u-medium'], ids['u-high']].sort(),
      );
    });

    it('an agent lists only the tickets assigned to them', async () => {
      const response = await agent.get('/api/tickets');
      expect(idsOf(response.body.items).sort()).toEqual(
        [ids['u-low'], ids['u-urgent'], ids['o-high']].sort(),
      );
      expect(response.body.total).toBe(3);
    });

    it('an admin lists every ticket', async () => {
      const response = await admin.get('/api/tickets');
      expect(response.body.total).toBe(6);
    });

    it('list rows have owner and assignee but no description', async () => {
      const response = await user.get('/api/tickets');
      const row = response.body.items.find((item: TicketSummary) => item.id === ids['u-low']);
      expect(row).toEqual({
        id: ids['u-low'],
        subject: 'Ticket u-low',
        status: 'in_progress',
        priority: 'low',
        owner: { id: user.user.id, name: 'Uma User' },
        assignee: { id: agent.user.id, name: 'Alex Agent' },
        sla: null,
        tags: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('GET /api/tickets/stats counts over the same scope', async () => {
      const mine = await user.get('/api/tickets/stats');
      expectStatus(mine, 200);
      expect(mine.body).toEqual({
        byStatus: { open: 3, in_progress: 1, resolved: 0, closed: 0 },
        byPriority: { low: 1, medium: 1, high: 1, urgent: 1 },
      });
      const agents = await agent.get('/api/tickets/stats');
      expect(agents.body.byStatus).toEqual({ open: 1, in_progress: 1, resolved: 1, closed: 0 });
      const all = await admin.get('/api/tickets/stats');
      expect(
        Object.values(all.body.byStatus as Record<string, number>).reduce((a, b) => a + b),
      ).toBe(6);
    });

    it('GET /api/tickets/activity is for admins only', async () => {
      const response = await admin.get('/api/tickets/activity?days=7');
      expectStatus(response, 200);
      expect(response.body).toHaveLength(7);
      const today = response.body.at(-1);
      expect(today).toEqual({ day: new Date().toISOString().slice(0, 10), opened: 6, resolved: 1 });
      expectStatus(await agent.get('/api/tickets/activity'), 403);
      expectStatus(await user.get('/api/tickets/activity'), 403);
      expectStatus(await admin.get('/api/tickets/activity?days=0'), 400);
    });
  });

  describe('filters', () => {
    it('status may repeat: open and in_progress', async () => {
      const response = await admin.get('/api/tickets?status=open&status=in_progress');
      expect(
        response.body.items.every((i: TicketSummary) => ['open', 'in_progress'].includes(i.status)),
      ).toBe(true);
      expect(response.body.total).toBe(5);
    });

    it('a single status filters too', async () => {
      const response = await admin.get('/api/tickets?status=resolved');
      expect(idsOf(response.body.items)).toEqual([ids['o-high']]);
    });

    it('priority may repeat', async () => {
      const response = await user.get('/api/tickets?priority=low&priority=urgent');
      expect(idsOf(response.body.items).sort()).toEqual([ids['u-low'], ids['u-urgent']].sort());
    });

    it('assigneeId=none lists unassigned tickets', async () => {
      const response = await admin.get('/api/tickets?assigneeId=none');
      expect(idsOf(response.body.items).sort()).toEqual([ids['u-medium'], ids['o-low']].sort());
    });

    it('assigneeId=<agent> lists that agent’s tickets', async () => {
      const response = await admin.get(`/api/tickets?assigneeId=${otherAgent.user.id}`);
      expect(idsOf(response.body.items)).toEqual([ids['u-high']]);
    });

    it('filters stay inside the scope: a user asking for another agent’s tickets gets only their own', async () => {
      const response = await otherUser.get(`/api/tickets?assigneeId=${otherAgent.user.id}`);
      expect(response.body.total).toBe(0);
    });
  });

  describe('sorting and paging', () => {
    it('default sort is updatedAt, newest first', async () => {
      const response = await admin.get('/api/tickets');
      const stamps = response.body.items.map((i: TicketSummary) => Date.parse(i.updatedAt));
      expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
      // The last change was o-high's move to resolved.
      expect(response.body.items[0].id).toBe(ids['o-high']);
    });

    it('sort=-updatedAt is oldest first', async () => {
      const response = await admin.get('/api/tickets?sort=-updatedAt');
      const stamps = response.body.items.map((i: TicketSummary) => Date.parse(i.updatedAt));
      expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    });

    it('sort=createdAt is newest created first', async () => {
      const response = await admin.get('/api/tickets?sort=createdAt');
      expect(idsOf(response.body.items)).toEqual(
        ['o-low', 'o-high', 'u-high', 'u-medium', 'u-urgent', 'u-low'].map((k) => ids[k]),
      );
    });

    it('sort=priority puts urgent first and low last', async () => {
      const response = await user.get('/api/tickets?sort=priority');
      expect(response.body.items.map((i: TicketSummary) => i.priority)).toEqual([
        'urgent',
        'high',
        'medium',
        'low',
      ]);
    });

    it('pages: pageSize=2 gives three pages of the same total, without overlap', async () => {
      const seen: number[] = [];
      for (const page of [1, 2, 3]) {
        const response = await admin.get(`/api/tickets?pageSize=2&page=${page}&sort=createdAt`);
        expectStatus(response, 200);
        expect(response.body).toMatchObject({ total: 6, page, pageSize: 2 });
        expect(response.body.items).toHaveLength(2);
        seen.push(...idsOf(response.body.items));
      }
      expect(new Set(seen).size).toBe(6);
      const beyond = await admin.get('/api/tickets?pageSize=2&page=4');
      expect(beyond.body).toMatchObject({ items: [], total: 6, page: 4 });
    });

    it.each([
      'pageSize=0',
      'pageSize=101',
      'pageSize=abc',
      'page=0',
      'page=-1',
      'status=done',
      'status=open&status=bogus',
      'priority=critical',
      'sort=subject',
      'assigneeId=someone',
      'assigneeId=-2',
      'unknown=1',
      `q=${'x'.repeat(201)}`,
    ])('?%s is 400 with the error body', async (query) => {
      const response = await admin.get(`/api/tickets?${query}`);
      expectStatus(response, 400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.anything(),
      });
    });

    it('pageSize=100 is allowed', async () => {
      expectStatus(await admin.get('/api/tickets?pageSize=100'), 200);
    });
  });
});
