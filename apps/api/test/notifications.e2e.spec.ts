import { OutboxMessageEntity } from '../src/app/notifications/outbox-message.entity';
import { OutboxSender } from '../src/app/notifications/outbox-sender';
import { SmtpSink } from './support/smtp-sink';
import { type Session, TestApp, eventually, expectStatus } from './support/test-app';

describe('E-mail notifications over SMTP', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({ smtpUrl: smtp.url });
    admin = await t.signInDemo('admin');
    agent = await t.signInDemo('agent');
    user = await t.signInDemo('user');
    otherAgent = await t.signInNew('agent', { email: 'olga@test.local' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const outbox = () => t.repo(OutboxMessageEntity);

  /** Delivers the outbox now and waits until every message in it has gone out. */
  async function deliverAll(): Promise<void> {
    await eventually(async () => {
      await t.app.get(OutboxSender).tick();
      return (await outbox().createQueryBuilder('m').where('m.sent_at IS NULL').getCount()) === 0;
    });
  }

  /** Runs `act`, delivers, and returns `to: subject` of what the SMTP server got meanwhile. */
  async function mailsOf(act: () => Promise<unknown>): Promise<string[]> {
    await deliverAll();
    const start = smtp.received.length;
    await act();
    await deliverAll();
    return smtp.received
      .slice(start)
      .flatMap((mail) => mail.to.map((to) => `${to}: ${mail.subject}`))
      .sort();
  }

  it('a ticket created with an assignee mails the assignee only', async () => {
    let id = 0;
    const mails = await mailsOf(async () => {
      id = (await admin.createTicket({ subject: 'Server down', assigneeId: agent.user.id })).id;
    });
    expect(mails).toEqual([
      `agent@example.com: [Helpdesk] New ticket assigned to you: [#${id}] Server down`,
    ]);
    const mail = smtp.received.at(-1);
    expect(mail?.from).toBe('helpdesk@test.local');
  });

  it('a ticket created without an assignee mails nobody', async () => {
    expect(await mailsOf(() => user.createTicket())).toEqual([]);
  });

  it('assigning mails the new assignee, not the admin who acted', async () => {
    const ticket = await user.createTicket({ subject: 'Laptop fan' });
    const mails = await mailsOf(() =>
      admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
    );
    expect(mails).toEqual([
      `agent@example.com: [Helpdesk] Ticket assigned to you: [#${ticket.id}] Laptop fan`,
    ]);
  });

  it('an agent handing a ticket on mails the new agent only', async () => {
    const ticket = await admin.createTicket({ subject: 'Hand over', assigneeId: agent.user.id });
    const mails = await mailsOf(() =>
      agent.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: otherAgent.user.id }),
    );
    expect(mails).toEqual([
      `olga@test.local: [Helpdesk] Ticket assigned to you: [#${ticket.id}] Hand over`,
    ]);
  });

  it('a status change by the agent mails the owner, never the agent who acted', async () => {
    const ticket = await user.createTicket({ subject: 'Mail quota' });
    await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id });
    const mails = await mailsOf(() =>
      agent.patch(`/api/tickets/${ticket.id}`).send({ status: 'in_progress' }),
    );
    expect(mails).toEqual([
      `user@example.com: [Helpdesk] Ticket in progress: [#${ticket.id}] Mail quota`,
    ]);
  });

  it('a status change by an admin mails both owner and assignee', async () => {
    const ticket = await user.createTicket({ subject: 'Both told' });
    await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id });
    const mails = await mailsOf(() =>
      admin.patch(`/api/tickets/${ticket.id}`).send({ status: 'resolved' }),
    );
    expect(mails).toEqual([
      `agent@example.com: [Helpdesk] Ticket resolved: [#${ticket.id}] Both told`,
      `user@example.com: [Helpdesk] Ticket resolved: [#${ticket.id}] Both told`,
    ]);
  });

  it('a comment by the owner mails the assignee, not the owner', async () => {
    const own = await user.createTicket({ subject: 'Wifi' });
    await admin.post(`/api/tickets/${own.id}/assign`).send({ assigneeId: agent.user.id });
    const mails = await mailsOf(() =>
      user.post(`/api/tickets/${own.id}/comments`).send({ body: 'Still broken' }),
    );
    expect(mails).toEqual([`agent@example.com: [Helpdesk] New comment on [#${own.id}] Wifi`]);
    const body = smtp.received.at(-1)?.raw ?? '';
    expect(body).toContain('Still broken');
  });

  it('a comment by the assigned agent mails the owner only', async () => {
    const own = await user.createTicket({ subject: 'Monitor' });
    await admin.post(`/api/tickets/${own.id}/assign`).send({ assigneeId: agent.user.id });
    const mails = await mailsOf(() =>
      agent.post(`/api/tickets/${own.id}/comments`).send({ body: 'Try a reboot' }),
    );
    expect(mails).toEqual([`user@example.com: [Helpdesk] New comment on [#${own.id}] Monitor`]);
  });

  it('a comment by an admin mails owner and assignee', async () => {
    const own = await user.createTicket({ subject: 'Badge' });
    await admin.post(`/api/tickets/${own.id}/assign`).send({ assigneeId: agent.user.id });
    const mails = await mailsOf(() =>
      admin.post(`/api/tickets/${own.id}/comments`).send({ body: 'FYI' }),
    );
    expect(mails).toEqual([
      `agent@example.com: [Helpdesk] New comment on [#${own.id}] Badge`,
      `user@example.com: [Helpdesk] New comment on [#${own.id}] Badge`,
    ]);
  });

  it('a comment on an unassigned ticket by its owner mails nobody', async () => {
    const own = await user.createTicket({ subject: 'Alone' });
    expect(
      await mailsOf(() => user.post(`/api/tickets/${own.id}/comments`).send({ body: 'me' })),
    ).toEqual([]);
  });

  it('a refused change sends nothing and queues nothing', async () => {
    const own = await user.createTicket({ subject: 'No mail' });
    await deliverAll();
    const queued = await outbox().count();
    const mails = await mailsOf(() =>
      user.patch(`/api/tickets/${own.id}`).send({ status: 'in_progress' }),
    );
    expect(mails).toEqual([]);
    expect(await outbox().count()).toBe(queued);
  });

  describe('with the mail server down', () => {
    it('requests still succeed quickly; the message waits in the outbox and goes out once the server is back', async () => {
      const own = await user.createTicket({ subject: 'Outage' });
      await admin.post(`/api/tickets/${own.id}/assign`).send({ assigneeId: agent.user.id });
      await deliverAll();
      await smtp.stop();

      const started = Date.now();
      const response = await agent
        .post(`/api/tickets/${own.id}/comments`)
        .send({ body: 'During outage' });
      expectStatus(response, 201);
      expect(Date.now() - started).toBeLessThan(1000);

      const failed = await eventually(async () => {
        await t.app.get(OutboxSender).tick();
        const row = await outbox().findOneBy({
          to: 'user@example.com',
          subject: `[Helpdesk] New comment on [#${own.id}] Outage`,
        });
        return row && row.attempts > 0 ? row : undefined;
      });
      expect(failed.sentAt).toBeNull();
      expect(failed.lastError).toEqual(expect.any(String));
      expect(failed.lastError?.length).toBeGreaterThan(0);
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

      await smtp.start();
      const start = smtp.received.length;
      await outbox().update({ id: failed.id }, { nextAttemptAt: new Date(Date.now() - 1000) });
      await deliverAll();

      const sent = await outbox().findOneByOrFail({ id: failed.id });
      expect(sent.sentAt).not.toBeNull();
      expect(smtp.received.slice(start).map((mail) => mail.to)).toContainEqual([
        'user@example.com',
      ]);
    });
  });
});
