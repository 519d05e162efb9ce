import { HistoryEntity } from '../src/app/ticket-core/history.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Assigning tickets', () => {
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

  const assign = (who: Session, ticketId: number, assigneeId: unknown) =>
    who.post(`/api/tickets/${ticketId}/assign`).send({ assigneeId });
  const stored = (id: number) => t.storedTicket(id);
  const lastHistory = async (ticketId: number) =>
    (await t.repo(HistoryEntity).find({ where: { ticketId }, order: { id: 'ASC' } })).at(-1);

  it('an admin assigns an unassigned ticket to an active agent (200, stored, recorded)', async () => {
    const ticket = await user.createTicket();
    const response = await assign(admin, ticket.id, agent.user.id);
    expectStatus(response, 200);
    expect(response.body.assignee).toEqual({ id: agent.user.id, name: 'Alex Agent' });
    expect((await stored(ticket.id)).assigneeId).toBe(agent.user.id);
    expect(await lastHistory(ticket.id)).toMatchObject({
      action: 'assigned',
      from: null,
      to: 'Alex Agent',
      actorId: admin.user.id,
    });
  });

  it('an admin force-reassigns a ticket already assigned to another agent', async () => {
    const ticket = await admin.createTicket({ assigneeId: agent.user.id });
    expectStatus(await assign(admin, ticket.id, otherAgent.user.id), 200);
    expect((await stored(ticket.id)).assigneeId).toBe(otherAgent.user.id);
    expect(await lastHistory(ticket.id)).toMatchObject({
      action: 'assigned',
      from: 'Alex Agent',
      to: 'Olga Other-Agent',
    });
  });

  it('the assigned agent hands the ticket on, and then no longer sees it', async () => {
    const ticket = await admin.createTicket({ assigneeId: agent.user.id });
    const response = await assign(agent, ticket.id, otherAgent.user.id);
    expectStatus(response, 200);
    expect((await stored(ticket.id)).assigneeId).toBe(otherAgent.user.id);
    expect(await lastHistory(ticket.id)).toMatchObject({
      action: 'assigned',
      actorId: agent.user.id,
    });

    expectStatus(await agent.get(`/api/tickets/${ticket.id}`), 404);
    expectStatus(await otherAgent.get(`/api/tickets/${ticket.id}`), 200);
  });

  it('an agent cannot take a ticket assigned to someone else (404: not visible) and nothing changes', async () => {
    const ticket = await admin.createTicket({ assigneeId: otherAgent.user.id });
    expectStatus(await assign(agent, ticket.id, agent.user.id), 404);
    expect((await stored(ticket.id)).assigneeId).toBe(otherAgent.user.id);
  });

  it('an agent cannot take an unassigned ticket (404: not visible)', async () => {
    const ticket = await user.createTicket();
    expectStatus(await assign(agent, ticket.id, agent.user.id), 404);
    expect((await stored(ticket.id)).assigneeId).toBeNull();
  });

  it('the owner (a user) may not assign their ticket: 403', async () => {
    const ticket = await user.createTicket();
    const response = await assign(user, ticket.id, agent.user.id);
    expectStatus(response, 403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.any(String),
    });
    expect((await stored(ticket.id)).assigneeId).toBeNull();
  });

  it('the target must be an active agent: a user, an admin, an unknown id or a deactivated agent is 400', async () => {
    const gone = await t.createUser('agent');
    expectStatus(await admin.delete(`/api/users/${gone.user.id}`), 204);
    const ticket = await admin.createTicket({ assigneeId: agent.user.id });

    for (const assigneeId of [user.user.id, admin.user.id, 999999, gone.user.id]) {
      const byAdmin = await assign(admin, ticket.id, assigneeId);
      expectStatus(byAdmin, 400);
      expect(byAdmin.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expectStatus(await assign(agent, ticket.id, assigneeId), 400);
    }
    expect((await stored(ticket.id)).assigneeId).toBe(agent.user.id);
  });

  it.each([
    ['a string', 'two'],
    ['a negative number', -3],
    ['a fraction', 1.5],
    ['nothing', undefined],
  ])('an assigneeId that is %s is 400', async (_, assigneeId) => {
    const ticket = await user.createTicket();
    expectStatus(await assign(admin, ticket.id, assigneeId), 400);
  });

  it('an unknown field in the body is 400', async () => {
    const ticket = await user.createTicket();
    const response = await admin
      .post(`/api/tickets/${ticket.id}/assign`)
      .send({ assigneeId: agent.user.id, note: 'please' });
    expectStatus(response, 400);
  });

  it('assigning a missing ticket is 404', async () => {
    expectStatus(await assign(admin, 999999, agent.user.id), 404);
  });

  it('a deactivated agent no longer appears in GET /api/agents', async () => {
    const { user: leaving } = await t.createUser('agent', { name: 'Leaving Agent' });
    const before = await agent.get('/api/agents');
    expect(before.body).toContainEqual(
      expect.objectContaining({ id: leaving.id, name: 'Leaving Agent' }),
    );
    expectStatus(await admin.delete(`/api/users/${leaving.id}`), 204);
    const after = await admin.get('/api/agents');
    expect(after.body.map((a: { id: number }) => a.id)).not.toContain(leaving.id);
  });
});
