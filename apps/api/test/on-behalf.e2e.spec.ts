import type { Ticket } from '@helpdesk/shared/domain';
import { NO_PASSWORD } from '../src/app/users/password-hasher';
import { UserEntity } from '../src/app/users/user.entity';
import { type Cast, TestApp, expectStatus } from './support/test-app';

describe('Tickets opened by agents and admins', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
  });
  afterAll(() => t.close());

  const open = (who: keyof Cast, fields: Record<string, unknown>) =>
    cast[who]
      .post('/api/tickets')
      .send({ subject: 'Phone call', description: 'Printer', ...fields });

  it('an agent who opens a ticket is its assignee, so it never vanishes from their sight', async () => {
    const response = await open('agent', {});
    expectStatus(response, 201);
    const ticket = response.body as Ticket;
    expect(ticket.assignee).toEqual({ id: cast.agent.user.id, name: cast.agent.user.name });
    expectStatus(await cast.agent.get(`/api/tickets/${ticket.id}`), 200);
  });

  it('on behalf of an existing user (e-mail in any case): they own it, the agent works it', async () => {
    const response = await open('agent', { requesterEmail: '  USER@Example.com ' });
    expectStatus(response, 201);
    const ticket = response.body as Ticket;
    expect(ticket.owner.id).toBe(cast.user.user.id);
    expect(ticket.assignee?.id).toBe(cast.agent.user.id);
    expectStatus(await cast.user.get(`/api/tickets/${ticket.id}`), 200);
    const stored = await t.storedTicket(ticket.id);
    expect(stored).toMatchObject({ ownerId: cast.user.user.id, assigneeId: cast.agent.user.id });
    const history = await t.storedHistory(ticket.id);
    expect(history[0]).toMatchObject({ action: 'created', actorId: cast.agent.user.id });
  });

  it('on behalf of someone new: a user account without a password is made for them', async () => {
    const users = t.repo(UserEntity);
    const before = await users.count();
    const response = await open('admin', {
      requesterEmail: 'Caller@Example.org',
      requesterName: 'Carla Caller',
    });
    expectStatus(response, 201);
    const requester = await users.findOneByOrFail({ email: 'caller@example.org' });
    expect(requester).toMatchObject({ name: 'Carla Caller', role: 'user', active: true });
    expect(requester.passwordHash).toBe(NO_PASSWORD);
    expect(await users.count()).toBe(before + 1);
    expect((response.body as Ticket).owner).toEqual({ id: requester.id, name: 'Carla Caller' });
    const login = await t.http().post('/api/auth/login').send({
      email: 'caller@example.org',
      password: NO_PASSWORD,
    });
    expectStatus(login, 401);
    expectStatus(await open('agent', { requesterEmail: 'caller@example.org' }), 201);
    expect(await users.count()).toBe(before + 1);
  });

  it('users may not open tickets for someone else (403), and nothing is made', async () => {
    const users = await t.repo(UserEntity).count();
    expectStatus(await open('user', { requesterEmail: 'someone@example.org' }), 403);
    expect(await t.repo(UserEntity).count()).toBe(users);
  });

  it('bad requester fields are 400s', async () => {
    expectStatus(await open('agent', { requesterEmail: 'not-an-address' }), 400);
    expectStatus(await open('agent', { requesterEmail: null }), 400);
    expectStatus(await open('agent', { requesterName: 'Nobody' }), 400);
  });

  it('a deactivated requester is refused with 400', async () => {
    const { user } = await t.createUser('user', { email: 'gone@example.org' });
    expectStatus(await cast.admin.delete(`/api/users/${user.id}`), 204);
    expectStatus(await open('agent', { requesterEmail: 'gone@example.org' }), 400);
  });
});
