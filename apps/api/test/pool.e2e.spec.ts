import type { Ticket, TicketPage } from '@helpdesk/shared/domain';
import { type Cast, TestApp, expectStatus } from './support/test-app';

describe('The pool: agents see unassigned tickets and take them', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
  });
  afterAll(() => t.close());

  const pool = (on: boolean) =>
    cast.admin.patch('/api/settings').send({ assignment: { agentsSeeUnassigned: on } });

  it('with the pool off (the default) an agent neither sees nor takes an unassigned ticket', async () => {
    const ticket = await cast.user.createTicket();
    expectStatus(await cast.agent.get(`/api/tickets/${ticket.id}`), 404);
    expectStatus(await cast.agent.post(`/api/tickets/${ticket.id}/take`), 404);
    const list = (await cast.agent.get('/api/tickets?assigneeId=none')).body as TicketPage;
    expect(list.items).toEqual([]);
  });

  describe('with the pool on', () => {
    beforeAll(async () => expectStatus(await pool(true), 200));
    afterAll(async () => expectStatus(await pool(false), 200));

    it('an agent lists unassigned tickets and sees one with its public comments and files', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Pool me' });
      expectStatus(
        await cast.user.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Hi' }),
        201,
      );
      const list = (await cast.agent.get('/api/tickets?assigneeId=none')).body as TicketPage;
      expect(list.items.map((item) => item.id)).toContain(ticket.id);
      expectStatus(await cast.agent.get(`/api/tickets/${ticket.id}`), 200);
      const comments = await cast.agent.get(`/api/tickets/${ticket.id}/comments`);
      expectStatus(comments, 200);
      expect(comments.body).toHaveLength(1);
      expectStatus(await cast.agent.get(`/api/tickets/${ticket.id}/attachments`), 200);
    });

    it('anything else on a pool ticket needs taking it first (403), and changes nothing', async () => {
      const ticket = await cast.user.createTicket();
      const before = await t.storedTicket(ticket.id);
      for (const response of [
        await cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Mine?' }),
        await cast.agent
          .post(`/api/tickets/${ticket.id}/comments`)
          .send({ body: 'Note', internal: true }),
        await cast.agent.patch(`/api/tickets/${ticket.id}`).send({ status: 'in_progress' }),
        await cast.agent.patch(`/api/tickets/${ticket.id}`).send({ priority: 'high' }),
        await cast.agent
          .post(`/api/tickets/${ticket.id}/assign`)
          .send({ assigneeId: cast.otherAgent.user.id }),
      ]) {
        expectStatus(response, 403);
      }
      expect(await t.storedTicket(ticket.id)).toEqual(before);
      expect(await t.storedHistory(ticket.id)).toHaveLength(1);
    });

    it('taking assigns the ticket to the agent, recorded in the history', async () => {
      const ticket = await cast.user.createTicket();
      const response = await cast.agent.post(`/api/tickets/${ticket.id}/take`);
      expectStatus(response, 200);
      expect((response.body as Ticket).assignee).toEqual({
        id: cast.agent.user.id,
        name: cast.agent.user.name,
      });
      expect((await t.storedTicket(ticket.id)).assigneeId).toBe(cast.agent.user.id);
      const history = await t.storedHistory(ticket.id);
      expect(history.at(-1)).toMatchObject({
        action: 'assigned',
        actorId: cast.agent.user.id,
        from: null,
        to: cast.agent.user.name,
      });
      expectStatus(
        await cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'On it' }),
        201,
      );
    });

    it('of two agents taking at once, exactly one wins; the other gets 409', async () => {
      for (let round = 0; round < 5; round += 1) {
        const ticket = await cast.user.createTicket();
        const answers = await Promise.all([
          cast.agent.post(`/api/tickets/${ticket.id}/take`),
          cast.otherAgent.post(`/api/tickets/${ticket.id}/take`),
        ]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
        const winner = answers[0]?.status === 200 ? cast.agent : cast.otherAgent;
        expect((await t.storedTicket(ticket.id)).assigneeId).toBe(winner.user.id);
        const assigned = (await t.storedHistory(ticket.id)).filter((e) => e.action === 'assigned');
        expect(assigned).toHaveLength(1);
      }
    });

    it('only agents take; users and admins get 403 on a ticket they can see', async () => {
      const ticket = await cast.user.createTicket();
      expectStatus(await cast.user.post(`/api/tickets/${ticket.id}/take`), 403);
      expectStatus(await cast.admin.post(`/api/tickets/${ticket.id}/take`), 403);
      expectStatus(await cast.otherUser.post(`/api/tickets/${ticket.id}/take`), 404);
      expect((await t.storedTicket(ticket.id)).assigneeId).toBeNull();
    });

    it("an agent's own queue can still ask for only their tickets", async () => {
      const mine = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const list = (await cast.agent.get(`/api/tickets?assigneeId=${cast.agent.user.id}`))
        .body as TicketPage;
      expect(list.items.map((item) => item.id)).toContain(mine.id);
      expect(list.items.every((item) => item.assignee?.id === cast.agent.user.id)).toBe(true);
    });
  });
});
