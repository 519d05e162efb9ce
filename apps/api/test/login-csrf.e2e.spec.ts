import { SessionEntity } from '../src/app/sessions/session.entity';
import { DEMO, SESSION_COOKIE, TestApp, cookieFrom, expectStatus } from './support/test-app';

/**
 * Login CSRF: a cross-site page that auto-submits a form must not sign the victim's browser
 * into the attacker's account, and passwords never travel in the URL.
 */
describe('Signing in only from our own pages, with a JSON body', () => {
  let t: TestApp;
  const { email, password } = DEMO.user;
  const credentials = `email=${encodeURIComponent(email)}&password=${password}`;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const sessionCount = () => t.repo(SessionEntity).count();

  /** The answer, and whether it signed anyone in (a session cookie or a new stored session). */
  async function attempt(send: () => Promise<import('supertest').Response>) {
    const before = await sessionCount();
    const response = await send();
    const signedIn =
      cookieFrom(response, SESSION_COOKIE) !== null || (await sessionCount()) > before;
    return { response, signedIn };
  }

  it('a form-encoded body (what an auto-submitted HTML form sends) is a 415 and signs nobody in', async () => {
    const { response, signedIn } = await attempt(() =>
      t
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(credentials),
    );
    expectStatus(response, 415);
    expect(signedIn).toBe(false);
  });

  it.each([
    ['text/plain', 'anything'],
    [
      'multipart/form-data; boundary=X',
      '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--X--\r\n',
    ],
  ])(
    'a %s form with the credentials in the query string is a 415 and signs nobody in',
    async (type, body) => {
      const { response, signedIn } = await attempt(() =>
        t.http().post(`/api/auth/login?${credentials}`).set('Content-Type', type).send(body),
      );
      expectStatus(response, 415);
      expect(signedIn).toBe(false);
    },
  );

  it('credentials in the query string are never read, even beside a JSON body', async () => {
    const { response, signedIn } = await attempt(() =>
      t.http().post(`/api/auth/login?${credentials}`).send({}),
    );
    expectStatus(response, 400);
    expect(signedIn).toBe(false);

    const emptyPassword = await attempt(() =>
      t.http().post(`/api/auth/login?${credentials}`).send({ email, password: '' }),
    );
    expectStatus(emptyPassword.response, 400);
    expect(emptyPassword.signedIn).toBe(false);
  });

  it('a JSON body wins over a query string: the body is the only source of credentials', async () => {
    const response = await t
      .http()
      .post(
        `/api/auth/login?email=${encodeURIComponent(DEMO.admin.email)}&password=${DEMO.admin.password}`,
      )
      .send({ email, password });
    expectStatus(response, 200);
    expect(response.body.user.email).toBe(email);
  });

  it.each(['cross-site', 'same-site'])(
    'a browser request marked Sec-Fetch-Site: %s is a 403 and signs nobody in',
    async (site) => {
      const { response, signedIn } = await attempt(() =>
        t.http().post('/api/auth/login').set('Sec-Fetch-Site', site).send({ email, password }),
      );
      expectStatus(response, 403);
      expect(signedIn).toBe(false);
    },
  );

  it.each(['same-origin', 'none'])('Sec-Fetch-Site: %s signs in', async (site) => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Sec-Fetch-Site', site)
      .set('Origin', 'https://elsewhere.example')
      .send({ email, password });
    expectStatus(response, 200);
  });

  it.each(['https://attacker.example', 'null'])(
    'without Sec-Fetch-Site, Origin: %s (not our host) is a 403',
    async (origin) => {
      const { response, signedIn } = await attempt(() =>
        t.http().post('/api/auth/login').set('Origin', origin).send({ email, password }),
      );
      expectStatus(response, 403);
      expect(signedIn).toBe(false);
    },
  );

  it('an Origin naming our own host signs in, directly or through a proxy that forwards the host', async () => {
    const direct = await t
      .http()
      .post('/api/auth/login')
      .set('Host', 'desk.example.com')
      .set('Origin', 'https://desk.example.com')
      .send({ email, password });
    expectStatus(direct, 200);
    const proxied = await t
      .http()
      .post('/api/auth/login')
      .set('Host', '127.0.0.1:3000')
      .set('X-Forwarded-Host', 'desk.example.com')
      .set('Origin', 'https://desk.example.com')
      .send({ email, password });
    expectStatus(proxied, 200);
  });

  it('a client that sends neither header (curl, scripts) signs in as before', async () => {
    await t.signIn(email, password);
  });
});
