import type { User } from '@helpdesk/shared/domain';
import { SessionEntity } from '../src/app/sessions/session.entity';
import { CommentEntity } from '../src/app/comments/comment.entity';
import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { UserEntity } from '../src/app/users/user.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

const USER_KEYS = ['active', 'createdAt', 'email', 'id', 'name', 'role'];

describe('Users (admin console)', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let user: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user } = await t.signInCast());
  });
  afterAll(() => t.close());

  const storedUser = (id: number) => t.repo(UserEntity).findOneByOrFail({ id });

  it('an admin creates a user: 201, the user object without any password, stored with a hash', async () => {
    const response = await admin.post('/api/users').send({
      name: 'Nina New',
      email: 'Nina.New@Example.com',
      password: 'nina-secret',
      role: 'agent',
    });
    expectStatus(response, 201);
    expect(Object.keys(response.body).sort()).toEqual(USER_KEYS);
    expect(response.body).toMatchObject({
      name: 'Nina New',
      email: 'nina.new@example.com',
      role: 'agent',
      active: true,
    });
    const row = await storedUser(response.body.id);
    expect(row.email).toBe('nina.new@example.com');
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain('nina-secret');
    await t.signIn('nina.new@example.com', 'nina-secret');
  });

  it('e-mail addresses are unique regardless of letter case: 409, and no second row', async () => {
    await t.createUser('user', { email: 'dup@example.com' });
    const response = await admin
      .post('/api/users')
      .send({ name: 'Dup', email: 'DUP@Example.COM', password: 'secret1', role: 'user' });
    expectStatus(response, 409);
    expect(response.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: expect.any(String),
    });
    expect(await t.repo(UserEntity).countBy({ email: 'dup@example.com' })).toBe(1);
  });

  it.each([
    ['an unknown role', { role: 'root' }],
    ['a bad e-mail', { email: 'not-an-email' }],
    ['a short password', { password: '123' }],
    ['an empty name', { name: '' }],
    ['an unknown field', { active: false }],
  ])('creating with %s is 400', async (_, override) => {
    const before = await t.repo(UserEntity).count();
    const response = await admin.post('/api/users').send({
      name: 'Val Id',
      email: `valid${Math.random().toString(36).slice(2)}@example.com`,
      password: 'secret1',
      role: 'user',
      ...override,
    });
    expectStatus(response, 400);
    expect(await t.repo(UserEntity).count()).toBe(before);
  });

  it.each([
    ['an agent', () => agent],
    ['a user', () => user],
  ])('%s may not list, create, change or deactivate users (403)', async (_, who) => {
    expectStatus(await who().get('/api/users'), 403);
    expectStatus(
      await who()
        .post('/api/users')
        .send({ name: 'X', email: 'x@example.com', password: 'secret1', role: 'admin' }),
      403,
    );
    expectStatus(await who().patch(`/api/users/${who().user.id}`).send({ role: 'admin' }), 403);
    expectStatus(await who().delete(`/api/users/${admin.user.id}`), 403);
    expect((await storedUser(who().user.id)).role).toBe(who().user.role);
    expect(await t.repo(UserEntity).countBy({ email: 'x@example.com' })).toBe(0);
  });

  it('the list is paged, searchable by name or e-mail, filterable by role, and never shows hashes', async () => {
    await t.createUser('agent', { name: 'Zed Searchable' });
    const all = await admin.get('/api/users?pageSize=2');
    expectStatus(all, 200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThan(3);
    for (const item of all.body.items) expect(Object.keys(item).sort()).toEqual(USER_KEYS);

    const byName = await admin.get('/api/users?q=searchable');
    expect(byName.body.items.map((u: User) => u.name)).toEqual(['Zed Searchable']);
    const byEmail = await admin.get('/api/users?q=ADMIN@EXAMPLE');
    expect(byEmail.body.items.map((u: User) => u.email)).toEqual(['admin@example.com']);
    const literal = await admin.get('/api/users?q=%25');
    expect(literal.body.total).toBe(0);

    const agents = await admin.get('/api/users?role=agent');
    expect(agents.body.items.every((u: User) => u.role === 'agent')).toBe(true);
    expectStatus(await admin.get('/api/users?role=root'), 400);
    expectStatus(await admin.get('/api/users?pageSize=101'), 400);
  });

  it('PATCH changes name, role and password; the new password signs in, the old one not', async () => {
    const { user: target, password } = await t.createUser('user');
    const response = await admin
      .patch(`/api/users/${target.id}`)
      .send({ name: 'Renamed', role: 'agent', password: 'brand-new-pw' });
    expectStatus(response, 200);
    expect(response.body).toMatchObject({
      id: target.id,
      name: 'Renamed',
      role: 'agent',
      active: true,
    });
    expect(await storedUser(target.id)).toMatchObject({ name: 'Renamed', role: 'agent' });
    expectStatus(
      await t.http().post('/api/auth/login').send({ email: target.email, password }),
      401,
    );
    await t.signIn(target.email, 'brand-new-pw');
  });

  it('PATCH of a missing user is 404; a bad id 400; an unknown field 400', async () => {
    expectStatus(await admin.patch('/api/users/999999').send({ name: 'Ghost' }), 404);
    expectStatus(await admin.patch('/api/users/abc').send({ name: 'Ghost' }), 400);
    expectStatus(
      await admin.patch(`/api/users/${user.user.id}`).send({ email: 'new@example.com' }),
      400,
    );
    expectStatus(await admin.delete('/api/users/999999'), 404);
  });

  it('DELETE deactivates (204): the row stays, inactive, and their tickets and comments stay', async () => {
    const leaving = await t.signInNew('user');
    const ticket = await leaving.createTicket();
    expectStatus(
      await leaving.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Bye' }),
      201,
    );

    expectStatus(await admin.delete(`/api/users/${leaving.user.id}`), 204);

    expect((await storedUser(leaving.user.id)).active).toBe(false);
    expect(await t.repo(SessionEntity).countBy({ userId: leaving.user.id })).toBe(0);
    expect(await t.repo(TicketEntity).countBy({ ownerId: leaving.user.id })).toBe(1);
    expect(await t.repo(CommentEntity).countBy({ authorId: leaving.user.id })).toBe(1);
    const seen = await admin.get(`/api/tickets/${ticket.id}`);
    expect(seen.body.owner).toEqual({ id: leaving.user.id, name: leaving.user.name });
    const listed = await admin.get(`/api/users?q=${encodeURIComponent(leaving.user.email)}`);
    expect(listed.body.items[0]).toMatchObject({ id: leaving.user.id, active: false });
  });

  it('PATCH active:false ends the sessions of that user too', async () => {
    const leaving = await t.signInNew('agent');
    expectStatus(await admin.patch(`/api/users/${leaving.user.id}`).send({ active: false }), 200);
    expectStatus(await leaving.get('/api/tickets'), 401);
    expect(await t.repo(SessionEntity).countBy({ userId: leaving.user.id })).toBe(0);
  });

  describe('the last active admin', () => {
    it('cannot be demoted (409) and stays admin', async () => {
      const response = await admin.patch(`/api/users/${admin.user.id}`).send({ role: 'agent' });
      expectStatus(response, 409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: expect.any(String),
      });
      expect((await storedUser(admin.user.id)).role).toBe('admin');
    });

    it('cannot be deactivated by DELETE or PATCH (409) and keeps their session', async () => {
      expectStatus(await admin.delete(`/api/users/${admin.user.id}`), 409);
      expectStatus(await admin.patch(`/api/users/${admin.user.id}`).send({ active: false }), 409);
      expect((await storedUser(admin.user.id)).active).toBe(true);
      expectStatus(await admin.get('/api/auth/me'), 200);
    });

    it('an inactive second admin does not count as another active admin', async () => {
      const { user: second } = await t.createUser('admin');
      expectStatus(await admin.delete(`/api/users/${second.id}`), 204);
      expectStatus(await admin.patch(`/api/users/${admin.user.id}`).send({ role: 'user' }), 409);
    });

    it('with a second active admin, the first may be demoted', async () => {
      const { user: second, password } = await t.createUser('admin');
      const other = await t.signIn(second.email, password);
      expectStatus(await other.patch(`/api/users/${admin.user.id}`).send({ role: 'agent' }), 200);
      expect((await storedUser(admin.user.id)).role).toBe('agent');
      // ...and now the second is the last one.
      expectStatus(await other.patch(`/api/users/${second.id}`).send({ role: 'user' }), 409);
      expectStatus(await other.patch(`/api/users/${admin.user.id}`).send({ role: 'admin' }), 200);
    });
  });

  describe('GET /api/agents', () => {
    it('agents and admins get the active agents as { id, name, available, openCount }', async () => {
      for (const who of [agent, admin]) {
        const response = await who.get('/api/agents');
        expectStatus(response, 200);
        expect(response.body).toContainEqual({
          id: agent.user.id,
          name: 'Alex Agent',
          available: true,
          openCount: expect.any(Number),
        });
        for (const item of response.body) {
          expect(Object.keys(item).sort()).toEqual(['available', 'id', 'name', 'openCount']);
        }
      }
      const agentIds = (await admin.get('/api/agents')).body.map((a: { id: number }) => a.id);
      const activeAgents = await t.repo(UserEntity).findBy({ role: 'agent', active: true });
      expect(agentIds.sort()).toEqual(activeAgents.map((a) => a.id).sort());
    });

    it('a user may not list agents (403)', async () => {
      expectStatus(await user.get('/api/agents'), 403);
    });
  });
});
