import { SessionEntity } from '../src/app/sessions/session.entity';
import { UserEntity } from '../src/app/users/user.entity';
import { verifyPassword } from '../src/app/users/password-hasher';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Own account (PATCH /api/auth/me)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const storedUser = (id: number) => t.repo(UserEntity).findOneByOrFail({ id });
  const sessionCount = (userId: number) => t.repo(SessionEntity).countBy({ userId });

  /** A new account of `role` signed in twice (two browsers), and its password. */
  async function twoBrowsers(role: 'user' | 'agent' | 'admin') {
    const { user, password } = await t.createUser(role);
    const here = await t.signIn(user.email, password);
    const elsewhere = await t.signIn(user.email, password);
    return { user, password, here, elsewhere };
  }

  describe('name', () => {
    it('a user renames themselves; the answer, the session and the stored row say so', async () => {
      const { user, here, elsewhere } = await twoBrowsers('user');
      const response = await here.patch('/api/auth/me').send({ name: '  Rita Renamed  ' });
      expectStatus(response, 200);
      expect(response.body).toEqual({
        id: user.id,
        name: 'Rita Renamed',
        email: user.email,
        role: 'user',
      });
      expect((await storedUser(user.id)).name).toBe('Rita Renamed');
      // The session cache is told at once: both browsers read the new name.
      expect((await here.get('/api/auth/me')).body.name).toBe('Rita Renamed');
      expect((await elsewhere.get('/api/auth/me')).body.name).toBe('Rita Renamed');
      expect(await sessionCount(user.id)).toBe(2);
    });

    it('an empty name, an unknown field or no CSRF token is refused and changes nothing', async () => {
      const { user, here } = await twoBrowsers('user');
      expectStatus(await here.patch('/api/auth/me').send({ name: '   ' }), 400);
      expectStatus(await here.patch('/api/auth/me').send({ role: 'admin' }), 400);
      expectStatus(await here.patch('/api/auth/me').send({ name: null }), 400);
      expectStatus(await here.agent.patch('/api/auth/me').send({ name: 'No token' }), 403);
      expect(await storedUser(user.id)).toMatchObject({ name: user.name, role: 'user' });
    });

    it('without a session it is 401', async () => {
      expectStatus(await t.http().patch('/api/auth/me').send({ name: 'Nobody' }), 401);
    });
  });

  describe('availability', () => {
    it('an agent goes away and comes back; the answer carries `available`', async () => {
      const { user, here } = await twoBrowsers('agent');
      const away = await here.patch('/api/auth/me').send({ available: false });
      expectStatus(away, 200);
      expect(away.body).toEqual({
        id: user.id,
        name: user.name,
        email: user.email,
        role: 'agent',
        available: false,
      });
      expect((await storedUser(user.id)).available).toBe(false);

      const back = await here.patch('/api/auth/me').send({ available: true });
      expect(back.body.available).toBe(true);
      expect((await storedUser(user.id)).available).toBe(true);
    });

    it.each([
      ['a user', 'user'],
      ['an admin', 'admin'],
    ] as const)('%s cannot set availability (400) and nothing is stored', async (_who, role) => {
      const { user, here } = await twoBrowsers(role);
      const response = await here.patch('/api/auth/me').send({ available: false, name: 'Sneaky' });
      expectStatus(response, 400);
      expect(await storedUser(user.id)).toMatchObject({ available: true, name: user.name });
    });

    it('availability must be a boolean', async () => {
      const { here } = await twoBrowsers('agent');
      expectStatus(await here.patch('/api/auth/me').send({ available: 'no' }), 400);
    });
  });

  describe('password', () => {
    it("a new password with the current one: this browser stays signed in, the others' sessions end", async () => {
      const { user, password, here, elsewhere } = await twoBrowsers('agent');
      const third: Session = await t.signIn(user.email, password);

      const response = await here
        .patch('/api/auth/me')
        .send({ currentPassword: password, password: 'brand-new-secret' });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ id: user.id, email: user.email });

      expect(
        await verifyPassword('brand-new-secret', (await storedUser(user.id)).passwordHash),
      ).toBe(true);
      expect(await sessionCount(user.id)).toBe(1);
      expectStatus(await here.get('/api/auth/me'), 200);
      expectStatus(await elsewhere.get('/api/auth/me'), 401);
      expectStatus(await third.get('/api/auth/me'), 401);

      expectStatus(
        await t.http().post('/api/auth/login').send({ email: user.email, password }),
        401,
      );
      await t.signIn(user.email, 'brand-new-secret');
    });

    it('a new password without the current one is 400; nothing changes', async () => {
      const { user, password, here, elsewhere } = await twoBrowsers('user');
      const before = (await storedUser(user.id)).passwordHash;
      const response = await here.patch('/api/auth/me').send({ password: 'brand-new-secret' });
      expectStatus(response, 400);
      expect(response.body.message).toMatch(/currentPassword/);
      expect((await storedUser(user.id)).passwordHash).toBe(before);
      expectStatus(await elsewhere.get('/api/auth/me'), 200);
      await t.signIn(user.email, password);
    });

    it('a wrong current password is 400 with a clear message; nothing changes, no session ends', async () => {
      const { user, password, here, elsewhere } = await twoBrowsers('admin');
      const before = await storedUser(user.id);
      const response = await here
        .patch('/api/auth/me')
        .send({ currentPassword: 'not-it', password: 'brand-new-secret', name: 'Changed' });
      expectStatus(response, 400);
      expect(response.body.message).toBe('The current password is not correct');
      expect(await storedUser(user.id)).toMatchObject({
        passwordHash: before.passwordHash,
        name: before.name,
      });
      expect(await sessionCount(user.id)).toBe(2);
      expectStatus(await elsewhere.get('/api/auth/me'), 200);
      await t.signIn(user.email, password);
    });

    it('a new password shorter than 6 characters is 400', async () => {
      const { password, here } = await twoBrowsers('user');
      expectStatus(
        await here.patch('/api/auth/me').send({ currentPassword: password, password: 'short' }),
        400,
      );
    });
  });
});
