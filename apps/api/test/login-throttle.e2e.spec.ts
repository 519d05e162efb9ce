import { LoginFailureEntity } from '../src/app/auth/login-failure.entity';
import { SessionEntity } from '../src/app/sessions/session.entity';
import { DEMO, TestApp, expectStatus } from './support/test-app';

/** Every test comes from 127.0.0.1, so each rule gets a database (and address count) of its own. */
describe('Sign-in throttling', () => {
  describe('per account', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start();
    });
    afterAll(() => t.close());

    it('after 10 failures for one account, the 11th attempt is 429 even with the right password', async () => {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const response = await t
          .http()
          .post('/api/auth/login')
          .send({ email: DEMO.user.email, password: `wrong-${attempt}` });
        expectStatus(response, 401);
      }
      expect(
        await t.repo(LoginFailureEntity).countBy({ throttleKey: 'email:user@example.com' }),
      ).toBe(10);

      const response = await t.http().post('/api/auth/login').send(DEMO.user);
      expectStatus(response, 429);
      expect(response.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.any(String),
      });
      const uma = await t.dataSource.query(`SELECT id FROM users WHERE email = 'user@example.com'`);
      expect(await t.repo(SessionEntity).countBy({ userId: uma[0].id })).toBe(0);
    });

    it('the account count ignores letter case of the e-mail address', async () => {
      const response = await t.http().post('/api/auth/login').send({
        email: 'User@EXAMPLE.com',
        password: DEMO.user.password,
      });
      expectStatus(response, 429);
    });
  });

  describe('per client address', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start();
    });
    afterAll(() => t.close());

    it('after 10 failures from one address over many accounts, the next sign-in from it is 429', async () => {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const response = await t
          .http()
          .post('/api/auth/login')
          .send({ email: `someone${attempt}@example.com`, password: 'guess' });
        expectStatus(response, 401);
      }
      expect(await t.repo(LoginFailureEntity).countBy({ throttleKey: 'ip:127.0.0.1' })).toBe(10);

      const response = await t.http().post('/api/auth/login').send(DEMO.admin);
      expectStatus(response, 429);
    });
  });

  describe('failures that do not add up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start();
    });
    afterAll(() => t.close());

    it('a successful sign-in clears the account count, so 9 failures, a success and 9 more do not lock it', async () => {
      const fail = () =>
        t.http().post('/api/auth/login').send({ email: DEMO.agent.email, password: 'nope' });
      for (let i = 0; i < 4; i += 1) expectStatus(await fail(), 401);
      expectStatus(await t.http().post('/api/auth/login').send(DEMO.agent), 200);
      expect(
        await t.repo(LoginFailureEntity).countBy({ throttleKey: 'email:agent@example.com' }),
      ).toBe(0);
      for (let i = 0; i < 4; i += 1) expectStatus(await fail(), 401);
      expectStatus(await t.http().post('/api/auth/login').send(DEMO.agent), 200);
    });

    it('failures older than 15 minutes no longer count', async () => {
      for (let i = 0; i < 10; i += 1) {
        await t.repo(LoginFailureEntity).insert({
          throttleKey: 'email:user@example.com',
          at: new Date(Date.now() - 16 * 60 * 1000),
        });
      }
      expectStatus(await t.http().post('/api/auth/login').send(DEMO.user), 200);
    });
  });
});
