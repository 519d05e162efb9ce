import type { Ticket } from '@helpdesk/shared/domain';
import { HistoryEntity } from '../src/app/history/history.entity';
import { TicketEntity } from '../src/app/tickets/ticket.entity';
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
    admin = await t.signInDemo('admin');
    agent = await t.signInDemo('agent');
    user = await t.signInDemo('user');
    otherAgent = await t.signInNew('agent', { name: 'Olga Other-Agent' });
    otherUser = await t.signInNew('user', { name: 'Otto Other-User' });
  });
  afterAll(() => t.close());

  const stored = (id: number) => t.repo(TicketEntity).findOneByOrFail({ id });
  const historyOf = (ticketId: number) =>
    t.repo(HistoryEntity).find({ where: { ticketId }, order: { id: 'ASC' } });

  /** A ticket of `user`, assigned by the admin to `agent`, moved to `status` by the admin. */
  async function ticketAssignedToAgent(status = 'open'): Promise<Ticket> {
    const ticket = await user.createTicket();
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    if (status !== 'open') {
      expectStatus(await admin.patch(`/api/tickets/${ticket.id}`).send({ status }), 200);
    }
    return ticket;
  }

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
      expect(hidden.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
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

    it("changing a ticket one cannot see is 404, not 403, and nothing changes", async () => {
      const ticket = await otherUser.createTicket({ subject: 'Private' });
      for (const [who, body] of [
        [user, { subject: 'Mine now' }],
        [agent, { status: 'in_progress' }],
        [otherAgent, { priority: 'urgent' }],
      ] as const) {
        expectStatus(await who.patch(`/api/tickets/${ticket.id}`).send(body), 404);
      }
      expect(await stored(ticket.id)).toMatchObject({ subject: 'Private', status: 'open', priority: 'medium' });
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

  describe('status moves (API.md table)', () => {
    describe('by the owner', () => {
      it.each([
        ['open', 'resolved'],
        ['open', 'closed'],
        ['in_progress', 'resolved'],
        ['in_progress', 'closed'],
        ['resolved', 'open'],
        ['resolved', 'closed'],
      ])('the owner may move %s → %s', async (from, to) => {
        const ticket = await ticketAssignedToAgent(from);
        const response = await user.patch(`/api/tickets/${ticket.id}`).send({ status: to });
        expectStatus(response, 200);
        expect(response.body.status).toBe(to);
        expect((await stored(ticket.id)).status).toBe(to);
        const last = (await historyOf(ticket.id)).at(-1);
        expect(last).toMatchObject({ action: 'status_changed', from, to, actorId: user.user.id });
      });

      it.each([
        ['open', 'in_progress'],
        ['resolved', 'in_progress'],
        ['closed', 'open'],
        ['closed', 'resolved'],
        ['closed', 'in_progress'],
        ['in_progress', 'open'],
      ])('the owner may not move %s → %s (403, unchanged, no history)', async (from, to) => {
        const ticket = await ticketAssignedToAgent(from);
        const historyBefore = (await historyOf(ticket.id)).length;
        const response = await user.patch(`/api/tickets/${ticket.id}`).send({ status: to });
        expectStatus(response, 403);
        expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
        expect((await stored(ticket.id)).status).toBe(from);
        expect(await historyOf(ticket.id)).toHaveLength(historyBefore);
      });

      it('the owner may not change the priority', async () => {
        const ticket = await user.createTicket();
        expectStatus(await user.patch(`/api/tickets/${ticket.id}`).send({ priority: 'urgent' }), 403);
        expect((await stored(ticket.id)).priority).toBe('medium');
      });

      it('sending the current value is no change, so the owner may send their priority back', async () => {
        const ticket = await user.createTicket({ priority: 'high' });
        expectStatus(await user.patch(`/api/tickets/${ticket.id}`).send({ priority: 'high' }), 200);
        expect((await historyOf(ticket.id)).map((h) => h.action)).toEqual(['created']);
      });
    });

    describe('by the assigned agent', () => {
      it.each([
        ['open', 'in_progress'],
        ['open', 'resolved'],
        ['open', 'closed'],
        ['in_progress', 'open'],
        ['in_progress', 'resolved'],
        ['resolved', 'in_progress'],
        ['resolved', 'open'],
        ['resolved', 'closed'],
      ])('the assigned agent may move %s → %s', async (from, to) => {
        const ticket = await ticketAssignedToAgent(from);
        const response = await agent.patch(`/api/tickets/${ticket.id}`).send({ status: to });
        expectStatus(response, 200);
        expect((await stored(ticket.id)).status).toBe(to);
        expect((await historyOf(ticket.id)).at(-1)).toMatchObject({
          action: 'status_changed',
          from,
          to,
          actorId: agent.user.id,
        });
      });

      it.each(['open', 'in_progress', 'resolved'])(
        'the assigned agent may not move a closed ticket to %s',
        async (to) => {
          const ticket = await ticketAssignedToAgent('closed');
          expectStatus(await agent.patch(`/api/tickets/${ticket.id}`).send({ status: to }), 403);
          expect((await stored(ticket.id)).status).toBe('closed');
        },
      );

      it('the assigned agent may change the priority, recorded with from and to', async () => {
        const ticket = await ticketAssignedToAgent();
        const response = await agent.patch(`/api/tickets/${ticket.id}`).send({ priority: 'high' });
        expectStatus(response, 200);
        expect(response.body.priority).toBe('high');
        expect(await stored(ticket.id)).toMatchObject({ priority: 'high', priorityRank: 2 });
        expect((await historyOf(ticket.id)).at(-1)).toMatchObject({
          action: 'priority_changed',
          from: 'medium',
          to: 'high',
          actorId: agent.user.id,
        });
      });

      it('the assigned agent may not edit the subject or description', async () => {
        const ticket = await ticketAssignedToAgent();
        expectStatus(await agent.patch(`/api/tickets/${ticket.id}`).send({ subject: 'Agent was here' }), 403);
        expectStatus(await agent.patch(`/api/tickets/${ticket.id}`).send({ description: 'Rewritten' }), 403);
        expect((await stored(ticket.id)).subject).toBe(ticket.subject);
      });

      it('a mixed PATCH with one refused field changes nothing at all', async () => {
        const ticket = await ticketAssignedToAgent();
        const response = await agent
          .patch(`/api/tickets/${ticket.id}`)
          .send({ status: 'in_progress', subject: 'Sneaky' });
        expectStatus(response, 403);
        expect(await stored(ticket.id)).toMatchObject({ status: 'open', subject: ticket.subject });
      });
    });

    describe('by an admin', () => {
      it.each([
        ['closed', 'open'],
        ['closed', 'in_progress'],
        ['open', 'closed'],
        ['resolved', 'in_progress'],
      ])('an admin may move %s → %s', async (from, to) => {
        const ticket = await ticketAssignedToAgent(from);
        expectStatus(await admin.patch(`/api/tickets/${ticket.id}`).send({ status: to }), 200);
        expect((await stored(ticket.id)).status).toBe(to);
      });

      it('an admin may change priority, subject and description of any ticket at once', async () => {
        const ticket = await ticketAssignedToAgent('in_progress');
        const response = await admin.patch(`/api/tickets/${ticket.id}`).send({
          priority: 'low',
          subject: 'Edited by admin',
          description: 'New description',
        });
        expectStatus(response, 200);
        expect(response.body).toMatchObject({
          priority: 'low',
          subject: 'Edited by admin',
          description: 'New description',
        });
        expect(await stored(ticket.id)).toMatchObject({
          priority: 'low',
          priorityRank: 0,
          subject: 'Edited by admin',
          description: 'New description',
        });
        const actions = (await historyOf(ticket.id)).map((h) => h.action);
        expect(actions.slice(-3).sort()).toEqual(['edited', 'edited', 'priority_changed']);
      });
    });

    it('an agent not assigned to a ticket cannot move it (404: not visible)', async () => {
      const ticket = await ticketAssignedToAgent();
      expectStatus(await otherAgent.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' }), 404);
      expect((await stored(ticket.id)).status).toBe('open');
    });

    it.each([
      ['an unknown status', { status: 'done' }],
      ['an unknown priority', { priority: 'p1' }],
      ['an unknown field', { assigneeId: 2 }],
      ['a subject of 201 characters', { subject: 'x'.repeat(201) }],
      ['an empty description', { description: '' }],
    ])('a PATCH with %s is 400', async (_, body) => {
      const ticket = await user.createTicket();
      expectStatus(await admin.patch(`/api/tickets/${ticket.id}`).send(body), 400);
    });

    it('a change moves updatedAt forward', async () => {
      const ticket = await ticketAssignedToAgent();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const response = await agent.patch(`/api/tickets/${ticket.id}`).send({ status: 'in_progress' });
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThan(Date.parse(ticket.updatedAt));
      expect(response.body.createdAt).toBe(ticket.createdAt);
    });
  });

  describe('subject and description', () => {
    it('the owner may edit them while the ticket is open, recorded as edited', async () => {
      const ticket = await user.createTicket({ subject: 'Old subject' });
      const response = await user
        .patch(`/api/tickets/${ticket.id}`)
        .send({ subject: 'New subject', description: 'More detail' });
      expectStatus(response, 200);
      expect(await stored(ticket.id)).toMatchObject({ subject: 'New subject', description: 'More detail' });
      expect((await historyOf(ticket.id)).filter((h) => h.action === 'edited')).toEqual([
        expect.objectContaining({ from: 'Old subject', to: 'New subject', actorId: user.user.id }),
        expect.objectContaining({ to: 'More detail' }),
      ]);
    });

    it.each(['in_progress', 'resolved', 'closed'])(
      'the owner may not edit them once the ticket is %s',
      async (status) => {
        const ticket = await ticketAssignedToAgent(status);
        expectStatus(await user.patch(`/api/tickets/${ticket.id}`).send({ subject: 'Too late' }), 403);
        expect((await stored(ticket.id)).subject).toBe(ticket.subject);
      },
    );
  });
});
