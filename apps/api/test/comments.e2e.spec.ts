import { CommentEntity } from '../src/app/comments/comment.entity';
import { HistoryEntity } from '../src/app/ticket-core/history.entity';
import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Comments', () => {
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

  const comment = (who: Session, ticketId: number, body: unknown) =>
    who.post(`/api/tickets/${ticketId}/comments`).send({ body });

  async function assignedTicket() {
    const ticket = await user.createTicket();
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    return ticket;
  }

  it('owner, assigned agent and admin may comment; the list is oldest first with author role', async () => {
    const ticket = await assignedTicket();
    const first = await comment(user, ticket.id, 'It broke again');
    expectStatus(first, 201);
    expect(first.body).toEqual({
      id: expect.any(Number),
      body: 'It broke again',
      internal: false,
      author: { id: user.user.id, name: 'Uma User', role: 'user' },
      createdAt: expect.stringMatching(/Z$/),
    });
    expectStatus(await comment(agent, ticket.id, 'Looking into it'), 201);
    expectStatus(await comment(admin, ticket.id, 'Escalated'), 201);

    const list = await user.get(`/api/tickets/${ticket.id}/comments`);
    expectStatus(list, 200);
    expect(list.body.map((c: { body: string }) => c.body)).toEqual([
      'It broke again',
      'Looking into it',
      'Escalated',
    ]);
    expect(list.body.map((c: { author: { role: string } }) => c.author.role)).toEqual([
      'user',
      'agent',
      'admin',
    ]);
    const rows = await t
      .repo(CommentEntity)
      .find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.authorId, r.body])).toEqual([
      [user.user.id, 'It broke again'],
      [agent.user.id, 'Looking into it'],
      [admin.user.id, 'Escalated'],
    ]);
  });

  it('a comment is recorded in the history and touches updatedAt', async () => {
    const ticket = await user.createTicket();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expectStatus(await comment(user, ticket.id, 'Any news?'), 201);
    const history = await t
      .repo(HistoryEntity)
      .find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } });
    expect(history.at(-1)).toMatchObject({
      action: 'commented',
      actorId: user.user.id,
      to: 'Any news?',
    });
    const row = await t.repo(TicketEntity).findOneByOrFail({ id: ticket.id });
    expect(row.updatedAt.getTime()).toBeGreaterThan(Date.parse(ticket.updatedAt));
  });

  it('comments stay allowed on a closed ticket for whoever can see it', async () => {
    const ticket = await assignedTicket();
    expectStatus(await user.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' }), 200);
    expectStatus(await comment(user, ticket.id, 'Thanks'), 201);
  });

  it.each([
    ['another user', () => otherUser],
    ['an agent not assigned', () => otherAgent],
  ])(
    '%s can neither read nor add comments of a ticket they cannot see (404), and nothing is stored',
    async (_, who) => {
      const ticket = await assignedTicket();
      expectStatus(await comment(user, ticket.id, 'secret'), 201);
      expectStatus(await who().get(`/api/tickets/${ticket.id}/comments`), 404);
      expectStatus(await comment(who(), ticket.id, 'I should not be here'), 404);
      expect(await t.repo(CommentEntity).countBy({ ticketId: ticket.id })).toBe(1);
    },
  );

  it('comments of a missing ticket are 404', async () => {
    expectStatus(await user.get('/api/tickets/999999/comments'), 404);
    expectStatus(await comment(user, 999999, 'hello'), 404);
  });

  it.each([
    ['an empty body', ''],
    ['a blank body', '   \n '],
    ['a body of 20001 characters', 'c'.repeat(20001)],
    ['a body that is not a string', 12],
    ['no body', undefined],
  ])('%s is 400 and nothing is stored', async (_, body) => {
    const ticket = await user.createTicket();
    const response = await comment(user, ticket.id, body);
    expectStatus(response, 400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(await t.repo(CommentEntity).countBy({ ticketId: ticket.id })).toBe(0);
  });

  it('a body of exactly 20000 characters is accepted and stored whole', async () => {
    const ticket = await user.createTicket();
    const response = await comment(user, ticket.id, 'c'.repeat(20000));
    expectStatus(response, 201);
    const row = await t.repo(CommentEntity).findOneByOrFail({ id: response.body.id });
    expect(row.body).toHaveLength(20000);
  });

  it('an unknown field is 400', async () => {
    const ticket = await user.createTicket();
    const response = await user
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'hi', authorId: admin.user.id });
    expectStatus(response, 400);
  });
});
