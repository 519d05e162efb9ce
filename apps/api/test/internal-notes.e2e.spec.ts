import type { Comment, HistoryEntry } from '@helpdesk/shared/domain';
import { CommentEntity } from '../src/app/comments/comment.entity';
import { OutboxMessageEntity } from '../src/app/notifications/outbox-message.entity';
import { OutboxSender } from '../src/app/notifications/outbox-sender';
import { SmtpSink } from './support/smtp-sink';
import { type Cast, TestApp, eventually, expectStatus } from './support/test-app';

describe('Internal notes: agents and admins talk; the owner never learns of it', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({ smtpUrl: smtp.url });
    cast = await t.signInCast();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const assignedTicket = () =>
    t.ticketAssigned({ owner: cast.user, admin: cast.admin, agent: cast.agent });

  async function deliverAll(): Promise<void> {
    await eventually(async () => {
      await t.app.get(OutboxSender).tick();
      const pending = await t
        .repo(OutboxMessageEntity)
        .createQueryBuilder('m')
        .where('m.sent_at IS NULL')
        .getCount();
      return pending === 0;
    });
  }

  it('the assigned agent and an admin write notes; the owner may not (403, nothing stored)', async () => {
    const ticket = await assignedTicket();
    const note = await cast.agent
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'Check the fuser', internal: true });
    expectStatus(note, 201);
    expect(note.body).toMatchObject({ body: 'Check the fuser', internal: true });
    expectStatus(
      await cast.admin
        .post(`/api/tickets/${ticket.id}/comments`)
        .send({ body: 'Admin note', internal: true }),
      201,
    );
    expectStatus(
      await cast.user
        .post(`/api/tickets/${ticket.id}/comments`)
        .send({ body: 'Sneaky', internal: true }),
      403,
    );
    const stored = await t.repo(CommentEntity).find({ where: { ticketId: ticket.id } });
    expect(stored.map((row) => [row.body, row.internal])).toEqual([
      ['Check the fuser', true],
      ['Admin note', true],
    ]);
  });

  it('the owner sees no note in comments or history; staff see both, marked', async () => {
    const ticket = await assignedTicket();
    await cast.user.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Public question' });
    await cast.agent
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'Secret zanzibar', internal: true });
    await cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Public answer' });

    const ownerComments = (await cast.user.get(`/api/tickets/${ticket.id}/comments`))
      .body as Comment[];
    expect(ownerComments.map((c) => [c.body, c.internal])).toEqual([
      ['Public question', false],
      ['Public answer', false],
    ]);
    const staffComments = (await cast.admin.get(`/api/tickets/${ticket.id}/comments`))
      .body as Comment[];
    expect(staffComments.map((c) => c.internal)).toEqual([false, true, false]);

    const ownerHistory = (await cast.user.get(`/api/tickets/${ticket.id}/history`))
      .body as HistoryEntry[];
    expect(JSON.stringify(ownerHistory)).not.toContain('zanzibar');
    const agentHistory = (await cast.agent.get(`/api/tickets/${ticket.id}/history`))
      .body as HistoryEntry[];
    expect(agentHistory.filter((e) => e.to === 'Secret zanzibar')).toHaveLength(1);
    expect(
      (await t.storedHistory(ticket.id)).find((e) => e.to === 'Secret zanzibar')?.internal,
    ).toBe(true);
  });

  it('a note leaves the ticket as the owner sees it: updatedAt does not move', async () => {
    const ticket = await assignedTicket();
    const before = (await t.storedTicket(ticket.id)).updatedAt;
    await cast.agent
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'Quiet', internal: true });
    expect((await t.storedTicket(ticket.id)).updatedAt).toEqual(before);
  });

  it('a note e-mails the assignee only, never the owner or the one who wrote it', async () => {
    const ticket = await assignedTicket();
    await deliverAll();
    const start = smtp.received.length;
    await cast.admin
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'Mail the agent', internal: true });
    await cast.agent
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'Own note', internal: true });
    await deliverAll();
    const mails = smtp.received.slice(start);
    expect(mails.flatMap((mail) => mail.to)).toEqual(['agent@example.com']);
    expect(mails[0]?.subject).toContain('Internal note');
    expect(JSON.stringify(mails)).not.toContain('Own note');
  });

  it('live updates: the owner hears of a public reply but not of a note', async () => {
    const ticket = await assignedTicket();
    const base = await t.baseUrl();
    const owner = await streamOf(base, 'user@example.com', 'user123');
    const agent = await streamOf(base, 'agent@example.com', 'agent123');
    await new Promise((wait) => setTimeout(wait, 200));
    await cast.admin
      .post(`/api/tickets/${ticket.id}/comments`)
      .send({ body: 'Note first', internal: true });
    await cast.admin.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Public next' });
    const agentHeard = await agent.until(2);
    const ownerHeard = await owner.until(1);
    await new Promise((wait) => setTimeout(wait, 300));
    expect(agentHeard).toBe(2);
    expect(ownerHeard).toBe(1);
    expect(owner.count()).toBe(1);
    await Promise.all([owner.close(), agent.close()]);
  });
});

/** An event stream of a freshly signed-in browser, counting "ticket-changed" events. */
async function streamOf(base: string, email: string, password: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .join('; ');
  const response = await fetch(`${base}/api/events`, { headers: { cookie } });
  if (!response.body) throw new Error('The event stream has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const count = () => text.split('event: ticket-changed').length - 1;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += decoder.decode(value);
    }
  })().catch(() => undefined);
  return {
    count,
    until: (events: number) => eventually(() => count() >= events && count()),
    close: async () => {
      await reader.cancel();
      await pump;
    },
  };
}
