import { SessionEntity } from '../src/app/sessions/session.entity';
import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import {
  DEMO,
  SESSION_COOKIE,
  TestApp,
  XSRF_COOKIE,
  cookieFrom,
  expectStatus,
  setCookieHeader,
} from './support/test-app';

describe('Signing in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  describe('signing in', () => {
    it.each([
      ['admin', 'Ada Admin'],
      ['agent', 'Alex Agent'],
      ['user', 'Uma User'],
    ] as const)('the demo %s signs in and the session knows who they are', async (role, name) => {
      const session = await t.signInDemo(role);
      expect(session.user).toEqual({
        id: expect.any(Number),
        name,
        email: DEMO[role].email,
        role,
      });

      const me = await session.get('/api/auth/me');
      expectStatus(me, 200);
      expect(me.body).toEqual(session.user);

      const stored = await t.repo(SessionEntity).findBy({ userId: session.user.id });
      expect(stored.length).toBeGreaterThanOrEqual(1);
    });

    it('sets an httpOnly, SameSite=Lax, signed session cookie and a readable XSRF-TOKEN cookie', async () => {
      const response = await t.http().post('/api/auth/login').send(DEMO.user);
      expectStatus(response, 200);

      const session = setCookieHeader(response, SESSION_COOKIE);
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(session).not.toMatch(/;\s*Secure/i);
      // A signed cookie carries its signature after a dot.
      expect(cookieFrom(response, SESSION_COOKIE)).toMatch(/\.[A-Za-z0-9+/_-]+=*$/);

      const xsrf = setCookieHeader(response, XSRF_COOKIE);
      expect(xsrf).not.toBeNull();
      expect(xsrf).not.toMatch(/HttpOnly/i);
    });

    it('stores only a hash of the session token, never the cookie value', async () => {
      const response = await t.http().post('/api/auth/login').send(DEMO.agent);
      const token = cookieFrom(response, SESSION_COOKIE)?.split('.')[0] ?? '';
      const rows = await t.repo(SessionEntity).find();
      expect(rows.some((row) => row.tokenHash === token)).toBe(false);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
    });

    it('accepts the e-mail address in any letter case', async () => {
      const session = await t.signIn('USER@Example.COM', DEMO.user.password);
      expect(session.user.email).toBe('user@example.com');
    });

    it('answers a wrong password and an unknown e-mail with the same 401', async () => {
      const wrongPassword = await t.http().post('/api/auth/login').send({
        email: DEMO.user.email,
        password: 'not-the-password',
      });
      const unknownEmail = await t.http().post('/api/auth/login').send({
        email: 'nobody@example.com',
        password: 'user123',
      });
      expectStatus(wrongPassword, 401);
      expectStatus(unknownEmail, 401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
      });
      expect(cookieFrom(wrongPassword, SESSION_COOKIE)).toBeNull();
    });

    it('refuses a login body without both fields with 400', async () => {
      const response = await t.http().post('/api/auth/login').send({ email: DEMO.user.email });
      expectStatus(response, 400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('being signed out', () => {
    it('GET /api/auth/me without a session is 401', async () => {
      const response = await t.http().get('/api/auth/me');
      expectStatus(response, 401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
      });
    });

    it('every API route but login, health and docs needs a session', async () => {
      for (const url of ['/api/tickets', '/api/users', '/api/agents', '/api/tickets/1/comments']) {
        expectStatus(await t.http().get(url), 401);
      }
    });

    it('a forged (unsigned) session cookie is 401', async () => {
      const response = await t.http().get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=forged`);
      expectStatus(response, 401);
    });

    it('logout answers 204, deletes the session row, and the old cookie stops working', async () => {
      const session = await t.signInDemo('user');
      const before = await t.repo(SessionEntity).countBy({ userId: session.user.id });

      const response = await session.post('/api/auth/logout');
      expectStatus(response, 204);
      expect(await t.repo(SessionEntity).countBy({ userId: session.user.id })).toBe(before - 1);

      expectStatus(await session.get('/api/auth/me'), 401);
    });

    it('a session cookie replayed after logout is refused (revoked server-side)', async () => {
      const login = await t.http().post('/api/auth/login').send(DEMO.agent);
      const cookie = `${SESSION_COOKIE}=${encodeURIComponent(cookieFrom(login, SESSION_COOKIE) ?? '')}`;
      const xsrf = cookieFrom(login, XSRF_COOKIE) ?? '';
      expectStatus(
        await t.http().post('/api/auth/logout').set('Cookie', cookie).set('X-XSRF-TOKEN', xsrf),
        204,
      );
      expectStatus(await t.http().get('/api/auth/me').set('Cookie', cookie), 401);
    });
  });

  describe('CSRF protection', () => {
    it('a state-changing request with the session cookie but no X-XSRF-TOKEN is 403 and changes nothing', async () => {
      const session = await t.signInDemo('user');
      const before = await t.repo(TicketEntity).count();

      const response = await session.agent
        .post('/api/tickets')
        .send({ subject: 'No token', description: 'Should not be stored' });

      expectStatus(response, 403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(await t.repo(TicketEntity).count()).toBe(before);
    });

    it('a wrong X-XSRF-TOKEN is 403 and changes nothing', async () => {
      const session = await t.signInDemo('user');
      const ticket = await session.createTicket({ subject: 'Keep this subject' });

      const response = await session.agent
        .patch(`/api/tickets/${ticket.id}`)
        .set('X-XSRF-TOKEN', `${session.xsrfToken}x`)
        .send({ subject: 'Changed by a forged request' });

      expectStatus(response, 403);
      const stored = await t.repo(TicketEntity).findOneByOrFail({ id: ticket.id });
      expect(stored.subject).toBe('Keep this subject');
    });

    it("another session's XSRF token does not pass", async () => {
      const mine = await t.signInDemo('user');
      const other = await t.signInDemo('user');
      const response = await mine.agent
        .post('/api/tickets')
        .set('X-XSRF-TOKEN', other.xsrfToken)
        .send({ subject: 'Cross token', description: 'x' });
      expectStatus(response, 403);
    });

    it('logout without the header is refused too, and the session stays alive', async () => {
      const session = await t.signInDemo('user');
      expectStatus(await session.agent.post('/api/auth/logout'), 403);
      expectStatus(await session.get('/api/auth/me'), 200);
    });

    it('reads need no CSRF header', async () => {
      const session = await t.signInDemo('user');
      expectStatus(await session.agent.get('/api/tickets'), 200);
    });

    it('GET /api/auth/me hands the XSRF-TOKEN cookie out again (for a reloaded web app)', async () => {
      const session = await t.signInDemo('user');
      const me = await session.get('/api/auth/me');
      expect(cookieFrom(me, XSRF_COOKIE)).toBe(session.xsrfToken);
    });
  });

  describe('deactivated accounts', () => {
    it('deactivating a user ends the sessions they had: their cookie now gets 401', async () => {
      const admin = await t.signInDemo('admin');
      const { user, password } = await t.createUser('user');
      const session = await t.signIn(user.email, password);
      expectStatus(await session.get('/api/auth/me'), 200);

      expectStatus(await admin.delete(`/api/users/${user.id}`), 204);

      expect(await t.repo(SessionEntity).countBy({ userId: user.id })).toBe(0);
      expectStatus(await session.get('/api/auth/me'), 401);
      expectStatus(await session.get('/api/tickets'), 401);
    });

    it('a deactivated user cannot sign in (the same 401 as a wrong password)', async () => {
      const admin = await t.signInDemo('admin');
      const { user, password } = await t.createUser('agent');
      expectStatus(await admin.patch(`/api/users/${user.id}`).send({ active: false }), 200);

      const response = await t.http().post('/api/auth/login').send({ email: user.email, password });
      expectStatus(response, 401);
      expect(cookieFrom(response, SESSION_COOKIE)).toBeNull();
      expect(await t.repo(SessionEntity).countBy({ userId: user.id })).toBe(0);
    });

    it('a reactivated user can sign in again', async () => {
      const admin = await t.signInDemo('admin');
      const { user, password } = await t.createUser('user');
      expectStatus(await admin.delete(`/api/users/${user.id}`), 204);
      expectStatus(await admin.patch(`/api/users/${user.id}`).send({ active: true }), 200);
      const session = await t.signIn(user.email, password);
      expect(session.user.id).toBe(user.id);
    });
  });
});
