import { HistoryEntity } from '../src/app/ticket-core/history.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Rating a ticket', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let user: Session;
  let otherUser: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherUser } = await t.signInCast());
  });
  afterAll(() => t.close());

  const rate = (who: Session, id: number, body: object) =>
    who.put(`/api/tickets/${id}/rating`).send(body);
  const stored = (id: number) => t.storedTicket(id);

  async function ticketIn(status: string) {
    const ticket = await user.createTicket();
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    if (status !== 'open')
      expectStatus(await admin.patch(`/api/tickets/${ticket.id}`).send({ status }), 200);
    return ticket;
  }

  it.each(['resolved', 'closed'])(
    'the owner rates a %s ticket: 200, shown and stored',
    async (status) => {
      const ticket = await ticketIn(status);
      const response = await rate(user, ticket.id, { stars: 4, feedback: 'Quick fix, thanks' });
      expectStatus(response, 200);
      expect(response.body.rating).toEqual({ stars: 4, feedback: 'Quick fix, thanks' });
      expect(await stored(ticket.id)).toMatchObject({
        ratingStars: 4,
        ratingFeedback: 'Quick fix, thanks',
      });
      expect((await user.get(`/api/tickets/${ticket.id}`)).body.rating).toEqual({
        stars: 4,
        feedback: 'Quick fix, thanks',
      });
    },
  );

  it('feedback is optional', async () => {
    const ticket = await ticketIn('resolved');
    const response = await rate(user, ticket.id, { stars: 5 });
    expectStatus(response, 200);
    expect(response.body.rating).toEqual({ stars: 5, feedback: null });
  });

  it('a second PUT replaces the first', async () => {
    const ticket = await ticketIn('resolved');
    expectStatus(await rate(user, ticket.id, { stars: 2, feedback: 'Slow' }), 200);
    const response = await rate(user, ticket.id, { stars: 5 });
    expectStatus(response, 200);
    expect(response.body.rating).toEqual({ stars: 5, feedback: null });
    expect(await stored(ticket.id)).toMatchObject({ ratingStars: 5, ratingFeedback: null });
    expect(await t.repo(HistoryEntity).countBy({ ticketId: ticket.id, action: 'rated' })).toBe(2);
  });

  it.each(['open', 'in_progress'])(
    'rating a %s ticket is 409 and nothing is stored',
    async (status) => {
      const ticket = await ticketIn(status);
      const response = await rate(user, ticket.id, { stars: 3 });
      expectStatus(response, 409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.any(String),
      });
      expect((await stored(ticket.id)).ratingStars).toBeNull();
    },
  );

  it.each([
    ['the assigned agent', () => agent],
    ['an admin', () => admin],
  ])('%s may not rate (403), only the owner', async (_, who) => {
    const ticket = await ticketIn('resolved');
    expectStatus(await rate(who(), ticket.id, { stars: 1 }), 403);
    expect((await stored(ticket.id)).ratingStars).toBeNull();
  });

  it('another user cannot rate a ticket they cannot see (404)', async () => {
    const ticket = await ticketIn('resolved');
    expectStatus(await rate(otherUser, ticket.id, { stars: 1 }), 404);
    expect((await stored(ticket.id)).ratingStars).toBeNull();
  });

  it.each([
    ['0 stars', { stars: 0 }],
    ['6 stars', { stars: 6 }],
    ['3.5 stars', { stars: 3.5 }],
    ['stars as a string', { stars: '4' }],
    ['no stars', { feedback: 'nice' }],
    ['feedback of 2001 characters', { stars: 4, feedback: 'f'.repeat(2001) }],
    ['an unknown field', { stars: 4, comment: 'x' }],
  ])('%s is 400 and nothing is stored', async (_, body) => {
    const ticket = await ticketIn('resolved');
    const response = await rate(user, ticket.id, body);
    expectStatus(response, 400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((await stored(ticket.id)).ratingStars).toBeNull();
  });

  it('1 and 5 stars are the bounds that are accepted', async () => {
    const ticket = await ticketIn('closed');
    expectStatus(await rate(user, ticket.id, { stars: 1 }), 200);
    expectStatus(await rate(user, ticket.id, { stars: 5 }), 200);
  });
});
