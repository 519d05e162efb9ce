import {
  type BulkResult,
  HistoryAction,
  type SavedView,
  type TicketSummary,
} from '@helpdesk/shared/domain';
import { SavedViewEntity } from '../src/app/views/saved-view.entity';
import { type Cast, type Session, TestApp, expectStatus } from './support/test-app';

describe('Triage: tags, saved views, bulk changes, sorts', () => {
  let t: TestApp;
  let cast: Cast;
  let admin: Session;
  let agent: Session;
  let user: Session;
  let otherAgent: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
    ({ admin, agent, user, otherAgent } = cast);
  });
  afterAll(() => t.close());

  const assigned = (status = 'open') =>
    t.ticketAssigned({ owner: user, admin, agent }, status).then((ticket) => ticket.id);

  describe('tags', () => {
    it('the assigned agent sets tags: lower-cased, deduplicated, sorted, in the answers and history', async () => {
      const id = await assigned();
      const response = await agent
        .patch(`/api/tickets/${id}`)
        .send({ tags: ['VPN', 'billing', 'vpn', ' wi-fi_2 '] });
      expectStatus(response, 200);
      expect(response.body.tags).toEqual(['billing', 'vpn', 'wi-fi_2']);
      expect((await t.storedTicket(id)).tags).toEqual(['billing', 'vpn', 'wi-fi_2']);
      expect((await user.get(`/api/tickets/${id}`)).body.tags).toEqual([
        'billing',
        'vpn',
        'wi-fi_2',
      ]);
      const listed = (await user.get('/api/tickets')).body.items as TicketSummary[];
      expect(listed.find((item) => item.id === id)?.tags).toEqual(['billing', 'vpn', 'wi-fi_2']);

      expectStatus(await admin.patch(`/api/tickets/${id}`).send({ tags: ['vpn'] }), 200);
      const history = (await t.storedHistory(id)).filter(
        (entry) => entry.action === HistoryAction.TagsChanged,
      );
      expect(history.map((entry) => [entry.from, entry.to, entry.actorId])).toEqual([
        ['', 'billing, vpn, wi-fi_2', agent.user.id],
        ['billing, vpn, wi-fi_2', 'vpn', admin.user.id],
      ]);
    });

    it('the same tags again change nothing and write no history', async () => {
      const id = await assigned();
      await agent.patch(`/api/tickets/${id}`).send({ tags: ['b', 'a'] });
      const before = (await t.storedHistory(id)).length;
      expectStatus(await agent.patch(`/api/tickets/${id}`).send({ tags: ['A', 'b'] }), 200);
      expect((await t.storedHistory(id)).length).toBe(before);
    });

    it('the owner and another agent may not change tags', async () => {
      const id = await assigned();
      expectStatus(await user.patch(`/api/tickets/${id}`).send({ tags: ['x'] }), 403);
      expectStatus(await otherAgent.patch(`/api/tickets/${id}`).send({ tags: ['x'] }), 404);
      expect((await t.storedTicket(id)).tags).toEqual([]);
    });

    it.each([
      [['-vpn']],
      [['has space']],
      [['x'.repeat(33)]],
      [['café']],
      [[7]],
      ['vpn'],
      [null],
      [Array.from({ length: 11 }, (_, n) => `t${n}`)],
    ])('refuses tags %p with 400', async (tags) => {
      const id = await assigned();
      expectStatus(await agent.patch(`/api/tickets/${id}`).send({ tags }), 400);
      expect((await t.storedTicket(id)).tags).toEqual([]);
    });

    it('filters lists by every tag given, and refuses a malformed tag filter', async () => {
      const both = await assigned();
      const one = await assigned();
      await agent.patch(`/api/tickets/${both}`).send({ tags: ['printer', 'floor-3'] });
      await agent.patch(`/api/tickets/${one}`).send({ tags: ['printer'] });
      const list = async (query: string) =>
        ((await agent.get(`/api/tickets?${query}`)).body.items as TicketSummary[]).map((i) => i.id);
      expect((await list('tag=printer')).sort()).toEqual([both, one].sort());
      expect(await list('tag=printer&tag=floor-3')).toEqual([both]);
      expect(await list('tag=printer&status=closed')).toEqual([]);
      expectStatus(await agent.get('/api/tickets?tag=-bad'), 400);
    });

    it('GET /api/tags suggests tags by prefix with desk-wide counts, for staff only', async () => {
      const a = await assigned();
      const b = await assigned();
      await agent.patch(`/api/tickets/${a}`).send({ tags: ['zeta_one', 'zeta-two'] });
      await agent.patch(`/api/tickets/${b}`).send({ tags: ['zeta_one'] });
      const response = await otherAgent.get('/api/tags?q=ZETA');
      expectStatus(response, 200);
      expect(response.body).toEqual([
        { name: 'zeta_one', count: 2 },
        { name: 'zeta-two', count: 1 },
      ]);
      expect((await admin.get('/api/tags?q=zeta_')).body).toEqual([{ name: 'zeta_one', count: 2 }]);
      expectStatus(await user.get('/api/tags'), 403);
    });
  });

  describe('saved views', () => {
    it('an agent has the built-in views with counts; "Unassigned" only with the pool on', async () => {
      const agentB = await t.signInNew('agent');
      await t.ticketAssigned({ owner: user, admin, agent: agentB });
      await t.ticketAssigned({ owner: user, admin, agent: agentB }, 'closed');
      const views = (await agentB.get('/api/views')).body as SavedView[];
      expect(views.map((view) => [view.id, view.name, view.builtIn])).toEqual([
        ['my-open', 'My open', true],
        ['due-soon', 'Due soon', true],
      ]);
      expect(views[0]).toMatchObject({
        query: `assigneeId=${agentB.user.id}&status=open&status=in_progress`,
        count: 1,
        countCapped: false,
      });

      expectStatus(
        await admin.patch('/api/settings').send({ assignment: { agentsSeeUnassigned: true } }),
        200,
      );
      try {
        await user.createTicket();
        const withPool = (await agentB.get('/api/views')).body as SavedView[];
        expect(withPool.map((view) => view.name)).toEqual(['My open', 'Unassigned', 'Due soon']);
        const unassigned = (
          await agentB.get('/api/tickets?assigneeId=none&status=open&status=in_progress')
        ).body.total;
        expect(withPool[1]?.count).toBe(unassigned);
        expect(unassigned).toBeGreaterThan(0);
      } finally {
        await admin.patch('/api/settings').send({ assignment: { agentsSeeUnassigned: false } });
      }
    });

    it('an admin has "Unassigned", "Due soon" and "All open"; a user none', async () => {
      const views = (await admin.get('/api/views')).body as SavedView[];
      expect(views.map((view) => view.name)).toEqual(['Unassigned', 'Due soon', 'All open']);
      const open = (await admin.get('/api/tickets?status=open&status=in_progress')).body.total;
      expect(views[2]?.count).toBe(open);
      expect((await user.get('/api/views')).body).toEqual([]);
    });

    it('a saved view is the list query string; its count follows what the caller sees', async () => {
      const id = await assigned();
      await agent.patch(`/api/tickets/${id}`).send({ tags: ['urgentvpn'], priority: 'urgent' });
      const created = await agent
        .post('/api/views')
        .send({ name: ' Urgent VPN ', query: '?priority=urgent&tag=urgentvpn' });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({
        id: expect.any(Number),
        name: 'Urgent VPN',
        query: 'priority=urgent&tag=urgentvpn',
        builtIn: false,
        count: 1,
        countCapped: false,
      });
      const stored = await t.repo(SavedViewEntity).findOneByOrFail({ id: created.body.id });
      expect(stored).toMatchObject({
        userId: agent.user.id,
        query: 'priority=urgent&tag=urgentvpn',
      });

      const mine = (await agent.get('/api/views')).body as SavedView[];
      expect(mine.at(-1)).toMatchObject({ id: created.body.id, count: 1 });
      const theirs = (await otherAgent.get('/api/views')).body as SavedView[];
      expect(theirs.some((view) => view.id === created.body.id)).toBe(false);
    });

    it.each([
      'status=nope',
      'sort=sideways',
      'pageSize=1000',
      'assigneeId=abc',
      'unknown=1',
      'tag=-x',
    ])('an invalid query %p is refused with 400 and not stored', async (query) => {
      const before = await t.repo(SavedViewEntity).count();
      expectStatus(await agent.post('/api/views').send({ name: 'Bad', query }), 400);
      expect(await t.repo(SavedViewEntity).count()).toBe(before);
    });

    it('a view is deleted by its owner only; anyone else reads 404', async () => {
      const created = await user.post('/api/views').send({ name: 'Mine', query: 'status=open' });
      expectStatus(created, 201);
      expectStatus(await agent.delete(`/api/views/${created.body.id}`), 404);
      expectStatus(await admin.delete(`/api/views/${created.body.id}`), 404);
      expectStatus(await user.delete(`/api/views/${created.body.id}`), 204);
      expectStatus(await user.delete(`/api/views/${created.body.id}`), 404);
      expect(await t.repo(SavedViewEntity).findOneBy({ id: created.body.id })).toBeNull();
    });
  });

  describe('bulk changes', () => {
    it('changes each permitted ticket, refuses the others with their reasons, hidden ones as 404', async () => {
      const mine = await assigned();
      const mineToo = await assigned('in_progress');
      const closed = await assigned('closed');
      const hidden = (await t.ticketAssigned({ owner: user, admin, agent: otherAgent })).id;
      await agent.patch(`/api/tickets/${mine}`).send({ tags: ['old', 'keep'] });

      const response = await agent.post('/api/tickets/bulk').send({
        ids: [mine, closed, hidden, mineToo, 999999],
        changes: { status: 'resolved', addTags: ['Done'], removeTags: ['old'] },
      });
      expectStatus(response, 200);
      const results = response.body.results as BulkResult[];
      expect(results).toEqual([
        { id: mine, ok: true },
        { id: closed, ok: false, statusCode: 403, message: expect.any(String) },
        { id: hidden, ok: false, statusCode: 404, message: 'Ticket not found' },
        { id: mineToo, ok: true },
        { id: 999999, ok: false, statusCode: 404, message: 'Ticket not found' },
      ]);
      expect(await t.storedTicket(mine)).toMatchObject({
        status: 'resolved',
        tags: ['done', 'keep'],
      });
      expect(await t.storedTicket(mineToo)).toMatchObject({ status: 'resolved', tags: ['done'] });
      expect(await t.storedTicket(closed)).toMatchObject({ status: 'closed', tags: [] });
      expect(await t.storedTicket(hidden)).toMatchObject({ status: 'open', tags: [] });
      const actions = (await t.storedHistory(mine)).map((entry) => entry.action).slice(-2);
      expect(actions).toEqual([HistoryAction.StatusChanged, HistoryAction.TagsChanged]);
    });

    it('a refused part rolls back the whole ticket: no status without its reassignment', async () => {
      const id = await assigned();
      const response = await agent
        .post('/api/tickets/bulk')
        .send({ ids: [id], changes: { priority: 'high', assigneeId: 999999 } });
      expect(response.body.results).toEqual([
        { id, ok: false, statusCode: 400, message: 'assigneeId must be an active agent' },
      ]);
      expect(await t.storedTicket(id)).toMatchObject({
        priority: 'medium',
        assigneeId: agent.user.id,
      });
    });

    it('an admin reassigns several tickets at once', async () => {
      const a = await assigned();
      const b = await assigned();
      const response = await admin
        .post('/api/tickets/bulk')
        .send({ ids: [a, b], changes: { assigneeId: otherAgent.user.id, priority: 'urgent' } });
      expect(response.body.results).toEqual([
        { id: a, ok: true },
        { id: b, ok: true },
      ]);
      for (const id of [a, b]) {
        expect(await t.storedTicket(id)).toMatchObject({
          assigneeId: otherAgent.user.id,
          priority: 'urgent',
        });
      }
    });

    it('too many tags after a bulk edit is a 400 for that ticket only', async () => {
      const full = await assigned();
      const empty = await assigned();
      await agent
        .patch(`/api/tickets/${full}`)
        .send({ tags: Array.from({ length: 10 }, (_, n) => `t${n}`) });
      const response = await agent
        .post('/api/tickets/bulk')
        .send({ ids: [full, empty], changes: { addTags: ['extra'] } });
      expect(response.body.results).toEqual([
        { id: full, ok: false, statusCode: 400, message: 'A ticket has at most 10 tags' },
        { id: empty, ok: true },
      ]);
    });

    it('users may not; the request itself is validated', async () => {
      const id = await assigned();
      expectStatus(
        await user.post('/api/tickets/bulk').send({ ids: [id], changes: { status: 'closed' } }),
        403,
      );
      for (const body of [
        { ids: [], changes: { status: 'closed' } },
        { ids: Array.from({ length: 101 }, (_, n) => n + 1), changes: { status: 'closed' } },
        { ids: [id, id], changes: { status: 'closed' } },
        { ids: [id], changes: {} },
        { ids: [id], changes: { status: 'nope' } },
        { ids: [id], changes: { subject: 'x' } },
        { ids: ['1'], changes: { status: 'closed' } },
      ]) {
        expectStatus(await agent.post('/api/tickets/bulk').send(body), 400);
      }
      expect((await t.storedTicket(id)).status).toBe('open');
    });
  });

  describe('sorts', () => {
    it('-priority puts the least urgent first; -createdAt the oldest', async () => {
      const viewer = await t.signInNew('user');
      const low = (await viewer.createTicket({ priority: 'low' })).id;
      const urgent = (await viewer.createTicket({ priority: 'urgent' })).id;
      const medium = (await viewer.createTicket({ priority: 'medium' })).id;
      const order = async (sort: string) =>
        ((await viewer.get(`/api/tickets?sort=${sort}`)).body.items as TicketSummary[]).map(
          (item) => item.id,
        );
      expect(await order('priority')).toEqual([urgent, medium, low]);
      expect(await order('-priority')).toEqual([low, medium, urgent]);
      expect(await order('-createdAt')).toEqual([low, urgent, medium]);
      expect(await order('createdAt')).toEqual([medium, urgent, low]);
    });
  });
});
