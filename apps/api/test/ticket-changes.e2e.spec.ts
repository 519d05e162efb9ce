import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Changing a ticket', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent } = await t.signInCast());
  });
  afterAll(() => t.close());

  const stored = (id: number) => t.storedTicket(id);
  const historyOf = (ticketId: number) => t.storedHistory(ticketId);
  const ticketAssignedToAgent = (status?: string) =>
    t.ticketAssigned({ owner: user, admin, agent }, status);

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
        expect(response.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          message: expect.any(String),
        });
        expect((await stored(ticket.id)).status).toBe(from);
        expect(await historyOf(ticket.id)).toHaveLength(historyBefore);
      });

      it('the owner may not change the priority', async () => {
        const ticket = await user.createTicket();
        expectStatus(
          await user.patch(`/api/tickets/${ticket.id}`).send({ priority: 'urgent' }),
          403,
        );
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
        expectStatus(
          await agent.patch(`/api/tickets/${ticket.id}`).send({ subject: 'Agent was here' }),
          403,
        );
        expectStatus(
          await agent.patch(`/api/tickets/${ticket.id}`).send({ description: 'Rewritten' }),
          403,
        );
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
      expectStatus(
        await otherAgent.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' }),
        404,
      );
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
      const response = await agent
        .patch(`/api/tickets/${ticket.id}`)
        .send({ status: 'in_progress' });
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
      expect(await stored(ticket.id)).toMatchObject({
        subject: 'New subject',
        description: 'More detail',
      });
      expect((await historyOf(ticket.id)).filter((h) => h.action === 'edited')).toEqual([
        expect.objectContaining({ from: 'Old subject', to: 'New subject', actorId: user.user.id }),
        expect.objectContaining({ to: 'More detail' }),
      ]);
    });

    it.each(['in_progress', 'resolved', 'closed'])(
      'the owner may not edit them once the ticket is %s',
      async (status) => {
        const ticket = await ticketAssignedToAgent(status);
        expectStatus(
          await user.patch(`/api/tickets/${ticket.id}`).send({ subject: 'Too late' }),
          403,
        );
        expect((await stored(ticket.id)).subject).toBe(ticket.subject);
      },
    );
  });
});
