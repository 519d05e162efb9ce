import { createHash } from 'node:crypto';
import { LoginFailureEntity } from '../src/app/auth/login-failure.entity';
import { OutboxMessageEntity } from '../src/app/notifications/outbox-message.entity';
import { OutboxSender } from '../src/app/notifications/outbox-sender';
import { PasswordResetTokenEntity } from '../src/app/password-reset/password-reset-token.entity';
import { SessionEntity } from '../src/app/sessions/session.entity';
import { UserEntity } from '../src/app/users/user.entity';
import { verifyPassword } from '../src/app/users/password-hasher';
import { SmtpSink } from './support/smtp-sink';
import { DEMO, TestApp, eventually, expectStatus } from './support/test-app';

describe('Password reset by e-mail', () => {
  const smtp = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const requestReset = (email: string) => t.http().post('/api/auth/password-reset').send({ email });
  const confirm = (token: string, password: string) =>
    t.http().post('/api/auth/password-reset/confirm').send({ token, password });
  const storedUser = (email: string) => t.repo(UserEntity).findOneByOrFail({ email });

  /** Delivers the outbox and gives the token of the newest reset link mailed to `to`. */
  async function tokenMailedTo(to: string): Promise<string> {
    const mail = await eventually(async () => {
      await t.app.get(OutboxSender).tick();
      return smtp.received.filter((m) => m.to.includes(to)).at(-1);
    });
    expect(mail.subject).toBe('[Helpdesk] Reset your password');
    // Undo quoted-printable: soft line breaks and the encoded "=".
    const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain('within 60 minutes');
    const token = /http:\/\/helpdesk\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(body)?.[1];
    if (!token) throw new Error(`No reset link in:\n${mail.raw}`);
    return token;
  }

  it('an unknown address gets the same 202 and no e-mail, no token', async () => {
    const mails = smtp.received.length;
    const response = await requestReset('nobody@nowhere.test');
    expectStatus(response, 202);
    expect(await t.repo(PasswordResetTokenEntity).count()).toBe(0);
    expect(await t.repo(OutboxMessageEntity).countBy({ to: 'nobody@nowhere.test' })).toBe(0);
    await t.app.get(OutboxSender).tick();
    expect(smtp.received.length).toBe(mails);
  });

  it('a known address gets a link by e-mail; only the hash of its token is stored', async () => {
    const { user } = await t.createUser('user', { email: 'rhea@test.local' });
    const response = await requestReset('Rhea@Test.local');
    expectStatus(response, 202);
    expect(response.body).toEqual({});

    const token = await tokenMailedTo('rhea@test.local');
    const stored = await t.repo(PasswordResetTokenEntity).findBy({ userId: user.id });
    expect(stored).toHaveLength(1);
    const [row] = stored;
    expect(row?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row?.usedAt).toBeNull();
    const validFor = (row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0);
    expect(validFor).toBe(60 * 60 * 1000);
  });

  it('the link sets a new password once, ends every session, and the new password signs in', async () => {
    const { user, password } = await t.createUser('agent', { email: 'remy@test.local' });
    const first = await t.signIn(user.email, password);
    const second = await t.signIn(user.email, password);
    expectStatus(await requestReset(user.email), 202);
    const token = await tokenMailedTo(user.email);

    expectStatus(await confirm(token, 'a-fresh-secret'), 204);

    expect(
      await verifyPassword('a-fresh-secret', (await storedUser(user.email)).passwordHash),
    ).toBe(true);
    expect(await t.repo(SessionEntity).countBy({ userId: user.id })).toBe(0);
    expectStatus(await first.get('/api/auth/me'), 401);
    expectStatus(await second.get('/api/auth/me'), 401);
    const [row] = await t.repo(PasswordResetTokenEntity).findBy({ userId: user.id });
    expect(row?.usedAt).toBeInstanceOf(Date);

    expectStatus(await t.http().post('/api/auth/login').send({ email: user.email, password }), 401);
    await t.signIn(user.email, 'a-fresh-secret');

    const reused = await confirm(token, 'yet-another-secret');
    expectStatus(reused, 400);
    expect(reused.body.message).toMatch(/invalid, used or expired/);
    expect(
      await verifyPassword('a-fresh-secret', (await storedUser(user.email)).passwordHash),
    ).toBe(true);
  });

  it('an expired link is 400 and changes nothing', async () => {
    const { user, password } = await t.createUser('user', { email: 'old-link@test.local' });
    expectStatus(await requestReset(user.email), 202);
    const token = await tokenMailedTo(user.email);
    await t
      .repo(PasswordResetTokenEntity)
      .update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    const session = await t.signIn(user.email, password);

    expectStatus(await confirm(token, 'too-late-secret'), 400);

    const [row] = await t.repo(PasswordResetTokenEntity).findBy({ userId: user.id });
    expect(row?.usedAt).toBeNull();
    expectStatus(await session.get('/api/auth/me'), 200);
    await t.signIn(user.email, password);
  });

  it('an unknown token is 400', async () => {
    expectStatus(await confirm('not-a-token-we-sent', 'whatever-secret'), 400);
  });

  it('a used link also retires the older links sent to the same account', async () => {
    const { user } = await t.createUser('user', { email: 'two-links@test.local' });
    expectStatus(await requestReset(user.email), 202);
    const older = await tokenMailedTo(user.email);
    expectStatus(await requestReset(user.email), 202);
    const newer = await tokenMailedTo(user.email);
    expect(newer).not.toBe(older);

    expectStatus(await confirm(newer, 'newest-secret'), 204);
    expectStatus(await confirm(older, 'older-secret'), 400);
    const rows = await t.repo(PasswordResetTokenEntity).findBy({ userId: user.id });
    expect(rows.map((row) => row.usedAt === null)).toEqual([false, false]);
  });

  it('a weak new password or a missing token is refused (400)', async () => {
    expectStatus(await confirm('whatever', 'short'), 400);
    expectStatus(
      await t.http().post('/api/auth/password-reset/confirm').send({ password: 'long-enough' }),
      400,
    );
    expectStatus(
      await t.http().post('/api/auth/password-reset').send({ email: 'not an address' }),
      400,
    );
  });

  it('an account made without a password ("!") cannot sign in, and signs in after a reset', async () => {
    const { user } = await t.createUser('user', { email: 'no-password@test.local' });
    await t.repo(UserEntity).update({ id: user.id }, { passwordHash: '!' });
    for (const password of ['!', '', 'anything']) {
      const response = await t.http().post('/api/auth/login').send({ email: user.email, password });
      expect([400, 401]).toContain(response.status);
    }

    expectStatus(await requestReset(user.email), 202);
    expectStatus(await confirm(await tokenMailedTo(user.email), 'first-own-secret'), 204);
    await t.signIn(user.email, 'first-own-secret');
  });

  it('a deactivated account gets no link', async () => {
    const { user } = await t.createUser('user', { email: 'gone@test.local' });
    const admin = await t.signInDemo('admin');
    expectStatus(await admin.delete(`/api/users/${user.id}`), 204);
    expectStatus(await requestReset(user.email), 202);
    expect(await t.repo(PasswordResetTokenEntity).countBy({ userId: user.id })).toBe(0);
  });
});

describe('Password reset throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('the 11th request for one address in 15 minutes is 429, and sign-in is not held back by it', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expectStatus(
        await t.http().post('/api/auth/password-reset').send({ email: DEMO.user.email }),
        202,
      );
    }
    const response = await t
      .http()
      .post('/api/auth/password-reset')
      .send({ email: DEMO.user.email });
    expectStatus(response, 429);
    expect(response.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many password reset requests; try again in 15 minutes',
    });
    expect(
      await t.repo(LoginFailureEntity).countBy({ throttleKey: 'reset:email:user@example.com' }),
    ).toBe(10);
    expect(await t.repo(OutboxMessageEntity).countBy({ to: DEMO.user.email })).toBe(10);

    // Counted apart from sign-in failures: the account still signs in.
    await t.signInDemo('user');
  });

  it('the client that made those requests is held back for other addresses too', async () => {
    const response = await t
      .http()
      .post('/api/auth/password-reset')
      .send({ email: 'someone-else@example.com' });
    expectStatus(response, 429);
  });
});
