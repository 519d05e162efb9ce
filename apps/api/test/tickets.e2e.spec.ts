import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Tickets', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;
  let otherUser: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent, otherUser } = await t.signInCast());
  });
  afterAll(() => t.close());

  const stored = (id: number) => t.storedTicket(id);
  const historyOf = (ticketId: number) => t.storedHistory(ticketId);
  const ticketAssignedToAgent = (status?: string) =>
    t.ticketAssigned({ owner: user, admin, agent }, status);

  describe('opening a ticket', () => {
    it('a user opens a ticket: it is theirs, open, medium, unassigned, and stored so', async () => {
      const response = await user.post('/api/tickets').send({
        subject: '  VPN drops every hour  ',
        description: 'Since Monday the VPN disconnects.',
      });

      expectStatus(response, 201);
      expect(response.body).toEqual({
        id: expect.any(Number),
        subject: 'VPN drops every hour',
        description: 'Since Monday the VPN disconnects.',
        status: 'open',
        priority: 'medium',
        owner: { id: user.user.id, name: 'Uma User' },
        assignee: null,
        rating: null,
        sla: null,
        tags: [],
        createdAt: expect.stringMatching(ISO_UTC),
        updatedAt: expect.stringMatching(ISO_UTC),
      });
      const row = await stored(response.body.id);
      expect(row).toMatchObject({
        subject: 'VPN drops every hour',
        status: 'open',
        priority: 'medium',
        priorityRank: 1,
        ownerId: user.user.id,
        assigneeId: null,
        ratingStars: null,
      });
      const history = await historyOf(response.body.id);
      expect(history).toEqual([
        expect.objectContaining({ action: 'created', actorId: user.user.id, to: 'open' }),
      ]);
    });

    it('the creator may set the priority', async () => {
      const ticket = await user.createTicket({ priority: 'urgent' });
      expect(ticket.priority).toBe('urgent');
      expect(await stored(ticket.id)).toMatchObject({ priority: 'urgent', priorityRank: 3 });
    });

    it('an admin opens a ticket with an active agent as assignee', async () => {
      const ticket = await admin.createTicket({ assigneeId: agent.user.id });
      expect(ticket.assignee).toEqual({ id: agent.user.id, name: 'Alex Agent' });
      expect(ticket.owner.id).toBe(admin.user.id);
      expect((await stored(ticket.id)).assigneeId).toBe(agent.user.id);
      expect((await historyOf(ticket.id)).map((h) => h.action)).toEqual(['created', 'assigned']);
    });

    it.each([
      ['a user', () => user],
      ['an agent', () => agent],
    ])('%s may not choose the assignee (403) and nothing is stored', async (_, who) => {
      const before = await t.repo(TicketEntity).count();
      const response = await who()
        .post('/api/tickets')
        .send({ subject: 'Pick me', description: 'x', assigneeId: agent.user.id });
      expectStatus(response, 403);
      expect(await t.repo(TicketEntity).count()).toBe(before);
    });

    it('the assignee must be an active agent: a user, an admin, an unknown id or a deactivated agent is 400', async () => {
      const gone = await t.createUser('agent');
      expectStatus(await admin.delete(`/api/users/${gone.user.id}`), 204);
      const before = await t.repo(TicketEntity).count();

      for (const assigneeId of [user.user.id, admin.user.id, 999999, gone.user.id]) {
        const response = await admin
          .post('/api/tickets')
          .send({ subject: 'Assign me', description: 'x', assigneeId });
        expectStatus(response, 400);
        expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
      expect(await t.repo(TicketEntity).count()).toBe(before);
    });

    it.each([
      ['an empty subject', { subject: '', description: 'x' }],
      ['a blank subject', { subject: '   ', description: 'x' }],
      ['a subject of 201 characters', { subject: 's'.repeat(201), description: 'x' }],
      ['an empty description', { subject: 'Hello', description: '' }],
      ['a description of 20001 characters', { subject: 'Hello', description: 'd'.repeat(20001) }],
      ['no description', { subject: 'Hello' }],
      ['an unknown priority', { subject: 'Hello', description: 'x', priority: 'critical' }],
      ['an unknown field', { subject: 'Hello', description: 'x', status: 'closed' }],
      ['an owner field', { subject: 'Hello', description: 'x', ownerId: 1 }],
      ['a subject that is not a string', { subject: 42, description: 'x' }],
    ])('%s is 400 with the error body, and nothing is stored', async (_, body) => {
      const before = await t.repo(TicketEntity).count();
      const response = await user.post('/api/tickets').send(body);
      expectStatus(response, 400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.anything(),
      });
      expect(await t.repo(TicketEntity).count()).toBe(before);
    });

    it('a subject of exactly 200 characters and a description of 20000 are accepted', async () => {
      const ticket = await user.createTicket({
        subject: 's'.repeat(200),
        description: 'd'.repeat(20000),
      });
      expect((await stored(ticket.id)).description).toHaveLength(20000);
    });
  });

  describe('who sees which ticket', () => {
    it('a user sees their own ticket', async () => {
      const ticket = await user.createTicket();
      const response = await user.get(`/api/tickets/${ticket.id}`);
      expectStatus(response, 200);
      expect(response.body).toEqual(ticket);
    });

    it("a user cannot see another user's ticket: 404, the same answer as a missing ticket", async () => {
      const ticket = await otherUser.createTicket();
      const hidden = await user.get(`/api/tickets/${ticket.id}`);
      const missing = await user.get('/api/tickets/999999');
      expectStatus(hidden, 404);
      expectStatus(missing, 404);
      expect(hidden.body).toEqual(missing.body);
      expect(hidden.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: expect.any(String),
      });
    });

    it('an agent sees a ticket assigned to them', async () => {
      const ticket = await ticketAssignedToAgent();
      expectStatus(await agent.get(`/api/tickets/${ticket.id}`), 200);
    });

    it('an agent cannot see an unassigned ticket, nor one assigned to someone else (404)', async () => {
      const unassigned = await user.createTicket();
      const assignedToOther = await admin.createTicket({ assigneeId: otherAgent.user.id });
      expectStatus(await agent.get(`/api/tickets/${unassigned.id}`), 404);
      expectStatus(await agent.get(`/api/tickets/${assignedToOther.id}`), 404);
    });

    it('an admin sees every ticket', async () => {
      const ticket = await otherUser.createTicket();
      expectStatus(await admin.get(`/api/tickets/${ticket.id}`), 200);
    });

    it('changing a ticket one cannot see is 404, not 403, and nothing changes', async () => {
      const ticket = await otherUser.createTicket({ subject: 'Private' });
      for (const [who, body] of [
        [user, { subject: 'Mine now' }],
        [agent, { status: 'in_progress' }],
        [otherAgent, { priority: 'urgent' }],
      ] as const) {
        expectStatus(await who.patch(`/api/tickets/${ticket.id}`).send(body), 404);
      }
      expect(await stored(ticket.id)).toMatchObject({
        subject: 'Private',
        status: 'open',
        priority: 'medium',
      });
    });

    it.each(['abc', '1.5', '1e3', '0x1A', ' 7'])('a ticket id of %p is 400', async (id) => {
      const response = await user.get(`/api/tickets/${id}`);
      expectStatus(response, 400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it.each(['0', '-1', '99999999999', '99999999999999999999'])(
      'a ticket id of %p is an answer of 400 or 404, never a 500',
      async (id) => {
        const response = await user.get(`/api/tickets/${id}`);
        expect([400, 404]).toContain(response.status);
      },
    );
  });
});
