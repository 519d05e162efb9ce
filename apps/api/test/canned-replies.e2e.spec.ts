import type { CannedReply } from '@helpdesk/shared/domain';
import { CannedReplyEntity } from '../src/app/canned-replies/canned-reply.entity';
import { type Cast, type Session, TestApp, expectStatus } from './support/test-app';

describe('Canned replies', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await TestApp.start();
    cast = await t.signInCast();
  });
  afterAll(() => t.close());

  const stored = (id: number) => t.repo(CannedReplyEntity).findOneBy({ id });

  async function create(
    session: Session,
    fields: { title?: string; body?: string } = {},
  ): Promise<CannedReply> {
    const response = await session.post('/api/canned-replies').send({
      title: 'Restart first',
      body: 'Hi {{requester.firstName}}, please restart the printer.',
      ...fields,
    });
    expectStatus(response, 201);
    return response.body as CannedReply;
  }

  describe('who may use them', () => {
    it('an agent creates a canned reply; it is stored under their name', async () => {
      const before = Date.now();
      const reply = await create(cast.agent, { title: '  Password help  ' });
      expect(reply).toEqual({
        id: expect.any(Number),
        title: 'Password help',
        body: 'Hi {{requester.firstName}}, please restart the printer.',
        createdBy: { id: cast.agent.user.id, name: cast.agent.user.name },
        updatedAt: expect.any(String),
      });
      expect(Date.parse(reply.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await stored(reply.id)).toMatchObject({
        title: 'Password help',
        createdById: cast.agent.user.id,
      });
    });

    it('a user can neither list nor create canned replies (403)', async () => {
      expectStatus(await cast.user.get('/api/canned-replies'), 403);
      const count = await t.repo(CannedReplyEntity).count();
      const response = await cast.user.post('/api/canned-replies').send({ title: 'x', body: 'y' });
      expectStatus(response, 403);
      expect(await t.repo(CannedReplyEntity).count()).toBe(count);
    });

    it('a user cannot change or delete one either (403)', async () => {
      const reply = await create(cast.agent);
      expectStatus(
        await cast.user.patch(`/api/canned-replies/${reply.id}`).send({ title: 'Mine now' }),
        403,
      );
      expectStatus(await cast.user.delete(`/api/canned-replies/${reply.id}`), 403);
      expect(await stored(reply.id)).toMatchObject({ title: 'Restart first' });
    });

    it('without a session the list is 401', async () => {
      expectStatus(await t.http().get('/api/canned-replies'), 401);
    });
  });

  describe('who may change them', () => {
    it('its author edits a canned reply; updatedAt moves on', async () => {
      const reply = await create(cast.agent);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const response = await cast.agent
        .patch(`/api/canned-replies/${reply.id}`)
        .send({ body: 'Please try again, {{requester.name}}.' });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({
        id: reply.id,
        title: 'Restart first',
        body: 'Please try again, {{requester.name}}.',
      });
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThan(Date.parse(reply.updatedAt));
      expect(await stored(reply.id)).toMatchObject({
        body: 'Please try again, {{requester.name}}.',
      });
    });

    it('another agent may use it but not edit or delete it (403)', async () => {
      const reply = await create(cast.agent);
      const list = await cast.otherAgent.get('/api/canned-replies');
      expectStatus(list, 200);
      expect((list.body as CannedReply[]).map((r) => r.id)).toContain(reply.id);

      expectStatus(
        await cast.otherAgent.patch(`/api/canned-replies/${reply.id}`).send({ title: 'Hijacked' }),
        403,
      );
      expectStatus(await cast.otherAgent.delete(`/api/canned-replies/${reply.id}`), 403);
      expect(await stored(reply.id)).toMatchObject({ title: 'Restart first' });
    });

    it("an admin edits and deletes an agent's canned reply", async () => {
      const reply = await create(cast.agent);
      const edited = await cast.admin
        .patch(`/api/canned-replies/${reply.id}`)
        .send({ title: 'Checked by admin' });
      expectStatus(edited, 200);
      expect(edited.body.createdBy).toEqual({ id: cast.agent.user.id, name: cast.agent.user.name });
      expect(await stored(reply.id)).toMatchObject({ title: 'Checked by admin' });

      expectStatus(await cast.admin.delete(`/api/canned-replies/${reply.id}`), 204);
      expect(await stored(reply.id)).toBeNull();
    });

    it('its author deletes it; then it is gone (404)', async () => {
      const reply = await create(cast.otherAgent);
      expectStatus(await cast.otherAgent.delete(`/api/canned-replies/${reply.id}`), 204);
      expect(await stored(reply.id)).toBeNull();
      expectStatus(await cast.otherAgent.delete(`/api/canned-replies/${reply.id}`), 404);
      expectStatus(
        await cast.otherAgent.patch(`/api/canned-replies/${reply.id}`).send({ title: 'x' }),
        404,
      );
    });

    it('a missing or malformed id is 404 / 400', async () => {
      expectStatus(await cast.admin.patch('/api/canned-replies/999999').send({ title: 'x' }), 404);
      expectStatus(await cast.admin.delete('/api/canned-replies/abc'), 400);
    });
  });

  describe('validation', () => {
    it.each([
      ['an empty title', { title: '   ', body: 'Body' }],
      ['a title over 100 characters', { title: 'x'.repeat(101), body: 'Body' }],
      ['a blank body', { title: 'Title', body: ' \n ' }],
      ['a body over 20000 characters', { title: 'Title', body: 'x'.repeat(20_001) }],
      ['no body', { title: 'Title' }],
      ['a body that is not text', { title: 'Title', body: 42 }],
      ['an unknown field', { title: 'Title', body: 'Body', shared: true }],
    ])('%s is refused (400) and nothing is stored', async (_case, fields) => {
      const count = await t.repo(CannedReplyEntity).count();
      const response = await cast.agent.post('/api/canned-replies').send(fields);
      expectStatus(response, 400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(await t.repo(CannedReplyEntity).count()).toBe(count);
    });

    it('a title of exactly 100 characters is kept', async () => {
      const reply = await create(cast.agent, { title: 'x'.repeat(100) });
      expect((await stored(reply.id))?.title).toHaveLength(100);
    });

    it('an edit with a null or blank field is refused and changes nothing', async () => {
      const reply = await create(cast.agent);
      expectStatus(
        await cast.agent.patch(`/api/canned-replies/${reply.id}`).send({ title: null }),
        400,
      );
      expectStatus(
        await cast.agent.patch(`/api/canned-replies/${reply.id}`).send({ body: ' ' }),
        400,
      );
      expect(await stored(reply.id)).toMatchObject({ title: 'Restart first' });
    });
  });

  describe('searching', () => {
    let t2: TestApp;
    let agent: Session;

    beforeAll(async () => {
      t2 = await TestApp.start();
      agent = await t2.signInDemo('agent');
      for (const [title, body] of [
        ['VPN setup', 'Install the client from the portal.'],
        ['Billing', 'Your invoice is attached. The vpn is not billed.'],
        ['archive', 'We keep 100% of mails_old for a year.'],
      ]) {
        expectStatus(await agent.post('/api/canned-replies').send({ title, body }), 201);
      }
    });
    afterAll(() => t2.close());

    const titles = async (q?: string) => {
      const response = await agent.get('/api/canned-replies').query(q === undefined ? {} : { q });
      expectStatus(response, 200);
      return (response.body as CannedReply[]).map((reply) => reply.title);
    };

    it('lists every canned reply in title order, any letter case', async () => {
      expect(await titles()).toEqual(['archive', 'Billing', 'VPN setup']);
    });

    it('q matches the title or the body, any letter case', async () => {
      expect(await titles('Vpn')).toEqual(['Billing', 'VPN setup']);
      expect(await titles('PORTAL')).toEqual(['VPN setup']);
      expect(await titles('nothing like this')).toEqual([]);
    });

    it('% and _ in q are plain characters', async () => {
      expect(await titles('100%')).toEqual(['archive']);
      expect(await titles('s_o')).toEqual(['archive']);
      expect(await titles('%')).toEqual(['archive']);
    });
  });
});
