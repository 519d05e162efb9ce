import { Role } from '@helpdesk/shared/domain';
import { AttachmentEntity } from '../src/app/attachments/attachment.entity';
import { CommentEntity } from '../src/app/comments/comment.entity';
import { MailMessageEntity } from '../src/app/mail/mail-message.entity';
import { MailPoller } from '../src/app/mail/mail-poller';
import { MailboxStateEntity } from '../src/app/mail/mailbox-state.entity';
import { OutboxMessageEntity } from '../src/app/notifications/outbox-message.entity';
import { OutboxSender } from '../src/app/notifications/outbox-sender';
import { OutboxRepository } from '../src/app/notifications/outbox.repository';
import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { UserEntity } from '../src/app/users/user.entity';
import { NO_PASSWORD } from '../src/app/users/password-hasher';
import { type MessageParts, messageSource, withAttachments } from './support/mail-messages';
import { SmtpSink } from './support/smtp-sink';
import { type Cast, TestApp, eventually, expectStatus } from './support/test-app';
import { TestMailServer } from './support/test-mail-server';

jest.setTimeout(30_000);

describe('Mail in: a mailbox in front of the desk', () => {
  const smtp = new SmtpSink();
  let mailbox: TestMailServer;
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    [mailbox] = await Promise.all([TestMailServer.start(), smtp.start()]);
    t = await TestApp.start({
      smtpUrl: smtp.url,
      // Polls are triggered by the tests; the timer would only fire after an hour.
      mail: { imapUrl: mailbox.url, mailPollSeconds: 3600 },
    });
    cast = await t.signInCast();
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([mailbox.stop(), smtp.stop()]);
  });

  /** Puts the messages into the mailbox and has the desk read it once. */
  async function receive(...messages: MessageParts[]): Promise<string[]> {
    const ids: string[] = [];
    for (const message of messages) {
      const { source, messageId } = messageSource(message);
      await mailbox.append(source);
      ids.push(messageId);
    }
    const result = await t.app.get(MailPoller).pollNow();
    expect(result.error).toBeNull();
    return ids;
  }

  const recorded = (messageId: string) => t.repo(MailMessageEntity).findOneByOrFail({ messageId });
  const ticketsOf = async (email: string) => {
    const owner = await t.repo(UserEntity).findOneBy({ email });
    return owner
      ? t.repo(TicketEntity).find({ where: { ownerId: owner.id }, order: { id: 'ASC' } })
      : [];
  };
  const commentsOn = (ticketId: number) =>
    t.repo(CommentEntity).find({ where: { ticketId }, order: { id: 'ASC' } });

  /** Sends the whole outbox now and waits until the SMTP server has it all. */
  async function deliverAll(): Promise<void> {
    await eventually(async () => {
      await t.app.get(OutboxSender).tick();
      const pending = t
        .repo(OutboxMessageEntity)
        .createQueryBuilder('m')
        .where('m.sent_at IS NULL');
      return (await pending.getCount()) === 0;
    });
  }

  /** Sends the outbox and returns what the SMTP server received meanwhile. */
  async function sent(act: () => Promise<unknown> = async () => undefined) {
    await deliverAll();
    const start = smtp.received.length;
    await act();
    await deliverAll();
    return smtp.received.slice(start);
  }

  const header = (raw: string, name: string) =>
    new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'im')
      .exec(raw)?.[1]
      ?.replace(/\r\n[ \t]+/g, ' ');

  describe('a new message', () => {
    it('opens a ticket for a new sender, created as a user without a password, and answers with the number', async () => {
      const mails = await sent(async () => {
        await receive({
          from: 'Nina New <nina@customer.test>',
          subject: 'VPN drops every hour',
          text: 'The VPN disconnects at :00.\n\n-- \nNina New\nCustomer Ltd',
        });
      });
      const [ticket] = await ticketsOf('nina@customer.test');
      expect(ticket).toMatchObject({
        subject: 'VPN drops every hour',
        description: 'The VPN disconnects at :00.',
      });
      const nina = await t.repo(UserEntity).findOneByOrFail({ email: 'nina@customer.test' });
      expect(nina).toMatchObject({
        name: 'Nina New',
        role: Role.User,
        active: true,
        passwordHash: NO_PASSWORD,
      });
      expect(mails.map((m) => `${m.to.join()}: ${m.subject}`)).toEqual([
        `nina@customer.test: [Helpdesk] Received: [#${ticket?.id}] VPN drops every hour`,
      ]);
      const raw = mails[0]?.raw ?? '';
      expect(header(raw, 'Reply-To')).toBe('support@test.local');
      expect(header(raw, 'Auto-Submitted')).toBe('auto-replied');
      expect(header(raw, 'Message-ID')).toMatch(
        new RegExp(`^<hd\\.t${ticket?.id}\\.[0-9a-f]{20}@test\\.local>$`),
      );
      expect(header(raw, 'In-Reply-To')).toMatch(/@mail\.example\.com>$/);
    });

    it('reads an HTML-only message as text', async () => {
      await receive({
        from: 'hugo@customer.test',
        subject: 'Screen flickers',
        html: '<div><p>My screen <b>flickers</b> after lunch.</p><p>See <a href="https://x.test">this</a>.</p></div>',
      });
      const [ticket] = await ticketsOf('hugo@customer.test');
      expect(ticket?.description).toBe('My screen flickers after lunch.\n\nSee this.');
    });

    it('reads ISO-8859-1 and Windows-1252 text', async () => {
      await receive({
        from: 'rene@customer.test',
        subject: '=?ISO-8859-1?Q?Caf=E9_machine?=',
        mime: 'Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\nDer Kaffee kostet =80 2 =FCberall.',
      });
      const [ticket] = await ticketsOf('rene@customer.test');
      expect(ticket).toMatchObject({
        subject: 'Café machine',
        description: 'Der Kaffee kostet € 2 überall.',
      });
    });

    it('keeps a forwarded message whole', async () => {
      await receive({
        from: 'boss@customer.test',
        subject: 'Fwd: Printer',
        text: [
          'Please help Carol.',
          '',
          '---------- Forwarded message ---------',
          'From: Carol <carol@customer.test>',
          'Date: Mon, Nov 24, 2026 at 9:00 AM',
          'Subject: Printer',
          '',
          'The printer on floor 3 is jammed.',
        ].join('\n'),
      });
      const [ticket] = await ticketsOf('boss@customer.test');
      expect(ticket?.description).toContain('Please help Carol.\n\n---------- Forwarded message');
      expect(ticket?.description).toContain('The printer on floor 3 is jammed.');
    });

    it('stores an allowed attachment and names a refused one in an internal note', async () => {
      await receive({
        from: 'ann@customer.test',
        subject: 'Logs attached',
        mime: withAttachments('Logs attached.', [
          { filename: 'vpn.log', contentType: 'text/plain', content: Buffer.from('12:00 drop\n') },
          {
            filename: 'fix.exe',
            contentType: 'application/octet-stream',
            content: Buffer.from('MZ\0\0'),
          },
        ]),
      });
      const [ticket] = await ticketsOf('ann@customer.test');
      const files = await t.repo(AttachmentEntity).findBy({ ticketId: ticket?.id });
      expect(files.map((f) => [f.filename, f.contentType])).toEqual([
        ['vpn.log', 'text/plain; charset=utf-8'],
      ]);
      expect(t.storedFiles()).toContain(files[0]?.storageKey);
      const notes = await commentsOn(ticket?.id ?? 0);
      expect(notes).toEqual([
        expect.objectContaining({ internal: true, body: expect.stringContaining('fix.exe') }),
      ]);
      const ownerView = await (
        await t.signInDemo('admin')
      ).get(`/api/tickets/${ticket?.id}/comments`);
      expect(ownerView.status).toBe(200);
    });
  });

  describe('a reply', () => {
    it('from the owner in Gmail shape, answering our notification, becomes their comment without the quote', async () => {
      const ticket = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const [notification] = await sent(() =>
        cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Try restarting it.' }),
      );
      const ourId = header(notification?.raw ?? '', 'Message-ID') ?? '';
      expect(notification?.subject).toBe(
        `[Helpdesk] New comment on [#${ticket.id}] ${ticket.subject}`,
      );
      expect(header(notification?.raw ?? '', 'References')).toMatch(
        new RegExp(`<hd\\.t${ticket.id}\\.`),
      );
      await receive({
        from: 'Demo User <user@example.com>',
        subject: `Re: ${notification?.subject}`,
        headers: { 'In-Reply-To': ourId, References: ourId },
        text: `Restarted, works now.\n\nOn Mon, Nov 24, 2026 at 10:02 AM Helpdesk <\nsupport@test.local> wrote:\n\n> Try restarting it.\n`,
      });
      const comments = await commentsOn(ticket.id);
      expect(comments.at(-1)).toMatchObject({
        authorId: cast.user.user.id,
        body: 'Restarted, works now.',
        internal: false,
      });
    });

    it('from the owner in Outlook shape, with only [#id] in the subject, becomes their comment', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Outlook case' });
      await receive({
        from: 'user@example.com',
        subject: `RE: [Helpdesk] New comment on [#${ticket.id}] Outlook case`,
        text: 'Here is more detail.\r\n\r\n-----Original Message-----\r\nFrom: Helpdesk <support@test.local>\r\nSent: Monday, November 24, 2026 10:02 AM\r\n\r\nold text',
      });
      expect((await commentsOn(ticket.id)).map((c) => c.body)).toEqual(['Here is more detail.']);
    });

    it('in Apple Mail shape, referring to the message that opened the ticket, becomes a comment', async () => {
      const [opening] = await receive({
        from: 'apple@customer.test',
        subject: 'Mac will not boot',
        text: 'Grey screen.',
      });
      const [ticket] = await ticketsOf('apple@customer.test');
      await receive({
        from: 'apple@customer.test',
        subject: 'Re: Mac will not boot',
        headers: { 'In-Reply-To': opening ?? '', References: opening ?? '' },
        text: 'It boots in safe mode.\n\nSent from my iPhone\n\n> On 24 Nov 2026, at 10:00, Apple <apple@customer.test> wrote:\n>\n> Grey screen.',
      });
      expect((await commentsOn(ticket?.id ?? 0)).map((c) => c.body)).toEqual([
        'It boots in safe mode.\n\nSent from my iPhone',
      ]);
    });

    it('from the assigned agent becomes the agent’s comment', async () => {
      const ticket = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const [notification] = await sent(() =>
        cast.user.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Any news?' }),
      );
      const ourId = header(notification?.raw ?? '', 'Message-ID') ?? '';
      await receive({
        from: 'agent@example.com',
        subject: `Re: ${notification?.subject}`,
        headers: { 'In-Reply-To': ourId },
        text: 'Working on it.\n\n> Any news?',
      });
      expect((await commentsOn(ticket.id)).at(-1)).toMatchObject({
        authorId: cast.agent.user.id,
        body: 'Working on it.',
      });
    });

    it('a forged [#id] from a stranger opens their own ticket and never touches the named one', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Private matter' });
      await receive({
        from: 'mallory@evil.test',
        subject: `Re: [#${ticket.id}] Private matter`,
        text: 'Let me in.',
      });
      expect(await commentsOn(ticket.id)).toEqual([]);
      expect((await ticketsOf('mallory@evil.test')).map((x) => x.description)).toEqual([
        'Let me in.',
      ]);
    });

    it('a forged token is not a match', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Token target' });
      const forged = `<hd.t${ticket.id}.${'0'.repeat(20)}.abcdef@test.local>`;
      await receive({
        from: 'eve@evil.test',
        subject: 'Re: hello',
        headers: { 'In-Reply-To': forged },
        text: 'Forged.',
      });
      expect(await commentsOn(ticket.id)).toEqual([]);
      expect(await ticketsOf('eve@evil.test')).toHaveLength(1);
    });

    it('with a valid token from someone who may not write on the ticket is rejected', async () => {
      const ticket = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const [notification] = await sent(() =>
        cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Hi' }),
      );
      const ourId = header(notification?.raw ?? '', 'Message-ID') ?? '';
      const [id] = await receive({
        from: cast.otherUser.user.email,
        subject: 'Re: x',
        headers: { 'In-Reply-To': ourId },
        text: 'Me too',
      });
      expect(await recorded(id ?? '')).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringContaining(`#${ticket.id}`),
      });
      expect((await commentsOn(ticket.id)).map((c) => c.body)).toEqual(['Hi']);
    });
  });

  describe('loops and floods', () => {
    it.each([
      [
        'auto-replies',
        { from: 'ooo@customer.test', headers: { 'Auto-Submitted': 'auto-replied' } },
        /Auto-Submitted/,
      ],
      [
        'auto-generated mail',
        { from: 'bot@customer.test', headers: { 'Auto-Submitted': 'auto-generated' } },
        /Auto-Submitted/,
      ],
      [
        'bulk mail',
        { from: 'news@customer.test', headers: { Precedence: 'bulk' } },
        /Precedence: bulk/,
      ],
      ['junk', { from: 'junk@customer.test', headers: { Precedence: 'junk' } }, /Precedence: junk/],
      [
        'list mail',
        { from: 'list@customer.test', headers: { Precedence: 'list' } },
        /Precedence: list/,
      ],
      ['bounces', { from: 'MAILER-DAEMON@customer.test' }, /mail system/],
      ['postmaster', { from: 'postmaster@customer.test' }, /mail system/],
      ['our own address', { from: 'support@test.local' }, /own address/],
    ])('%s make no ticket and get no answer', async (_, parts, reason) => {
      const mails = await sent(async () => {
        const [id] = await receive({ subject: 'Out of office', text: 'Away.', ...parts });
        expect(await recorded(id ?? '')).toMatchObject({
          outcome: 'rejected',
          reason: expect.stringMatching(reason),
          ticketId: null,
        });
      });
      expect(mails).toEqual([]);
      expect(await ticketsOf(parts.from.toLowerCase())).toEqual([]);
    });

    it('opens at most 20 tickets per sender in an hour', async () => {
      const messages = Array.from({ length: 21 }, (_, i) => ({
        from: 'flood@customer.test',
        subject: `Flood ${i}`,
        text: 'x',
      }));
      const mails = await sent(() => receive(...messages));
      expect(await ticketsOf('flood@customer.test')).toHaveLength(20);
      expect(mails).toHaveLength(20);
      const rows = await t
        .repo(MailMessageEntity)
        .findBy({ fromAddress: 'flood@customer.test', outcome: 'rejected' });
      expect(rows.map((r) => r.reason)).toEqual([
        'More than 20 new tickets from this sender in an hour',
      ]);
    });
  });

  describe('exactly once', () => {
    it('a crash in the middle of a batch loses nothing and doubles nothing when another instance goes on', async () => {
      const crashing = await TestApp.start({
        shareDatabaseWith: t,
        mail: { imapUrl: mailbox.url, mailPollSeconds: 3600 },
      });
      const outbox = crashing.app.get(OutboxRepository);
      let calls = 0;
      const original = outbox.enqueue.bind(outbox);
      jest.spyOn(outbox, 'enqueue').mockImplementation(async (...args) => {
        calls += 1;
        if (calls === 2) throw new Error('power cut');
        return original(...args);
      });
      for (const i of [1, 2, 3]) {
        await mailbox.append(
          messageSource({ from: `crash${i}@customer.test`, subject: `Crash ${i}`, text: 'x' })
            .source,
        );
      }
      const first = await crashing.app.get(MailPoller).pollNow();
      expect(first).toMatchObject({ done: 1, error: 'power cut' });
      await crashing.close();
      const restarted = await TestApp.start({
        shareDatabaseWith: t,
        mail: { imapUrl: mailbox.url, mailPollSeconds: 3600 },
      });
      try {
        expect(await restarted.app.get(MailPoller).pollNow()).toMatchObject({
          done: 2,
          error: null,
        });
        expect(await restarted.app.get(MailPoller).pollNow()).toMatchObject({
          done: 0,
          error: null,
        });
      } finally {
        await restarted.close();
      }
      for (const i of [1, 2, 3]) expect(await ticketsOf(`crash${i}@customer.test`)).toHaveLength(1);
    });

    it('two instances polling one mailbox take each message once; a dead one’s lease is taken over', async () => {
      const second = await TestApp.start({
        shareDatabaseWith: t,
        mail: { imapUrl: mailbox.url, mailPollSeconds: 3600 },
      });
      try {
        for (const i of [1, 2, 3, 4]) {
          await mailbox.append(
            messageSource({ from: `twice${i}@customer.test`, subject: `Twice ${i}`, text: 'x' })
              .source,
          );
        }
        const results = await Promise.all([
          t.app.get(MailPoller).pollNow(),
          second.app.get(MailPoller).pollNow(),
        ]);
        expect(results.map((r) => r.done).sort()).toEqual([0, 4]);
        for (const i of [1, 2, 3, 4])
          expect(await ticketsOf(`twice${i}@customer.test`)).toHaveLength(1);
        // The instance holding the lease dies: once its lease expires, the other one polls.
        const lease = t.repo(MailboxStateEntity);
        await lease.update(
          { id: 1 },
          { leaseOwner: 'dead', leaseUntil: new Date(Date.now() + 60_000) },
        );
        expect(await second.app.get(MailPoller).pollNow()).toMatchObject({ polled: false });
        await lease.update({ id: 1 }, { leaseUntil: new Date(Date.now() - 1000) });
        await mailbox.append(
          messageSource({ from: 'after@customer.test', subject: 'After', text: 'x' }).source,
        );
        expect(await second.app.get(MailPoller).pollNow()).toMatchObject({ polled: true, done: 1 });
      } finally {
        await second.close();
      }
    });

    it('an unreachable mailbox is reported, the API keeps answering, and mail flows again once it is back', async () => {
      await mailbox.pause();
      try {
        const down = await t.app.get(MailPoller).pollNow();
        expect(down.error).toBeTruthy();
        const status = await cast.admin.get('/api/mail/status');
        expect(status.body).toMatchObject({ configured: true, lastError: expect.any(String) });
        expectStatus(await cast.user.get('/api/tickets'), 200);
      } finally {
        await mailbox.resume();
      }
      await receive({ from: 'back@customer.test', subject: 'Back', text: 'x' });
      expect(await ticketsOf('back@customer.test')).toHaveLength(1);
      expect((await cast.admin.get('/api/mail/status')).body).toMatchObject({ lastError: null });
    });
  });

  describe('the admin API', () => {
    it('shows the status and the rejected messages, makes a ticket of one and discards another', async () => {
      const [keep, drop] = await receive(
        {
          from: 'vacation@partner.test',
          subject: 'Real question',
          text: 'Is the invoice paid?',
          headers: { Precedence: 'bulk' },
        },
        {
          from: 'spam@partner.test',
          subject: 'Spam',
          text: 'Buy',
          headers: { Precedence: 'junk' },
        },
      );
      const status = await cast.admin.get('/api/mail/status');
      expectStatus(status, 200);
      expect(status.body).toMatchObject({
        configured: true,
        lastPollAt: expect.any(String),
        lastError: null,
      });
      expect(status.body.processed).toBeGreaterThan(0);
      expect(status.body.rejected).toBeGreaterThanOrEqual(2);
      const page = await cast.admin.get('/api/mail/rejected?pageSize=2');
      expectStatus(page, 200);
      expect(page.body.items).toEqual([
        expect.objectContaining({
          from: 'spam@partner.test',
          subject: 'Spam',
          reason: 'Bulk or list mail (Precedence: junk)',
        }),
        expect.objectContaining({
          from: 'vacation@partner.test',
          reason: 'Bulk or list mail (Precedence: bulk)',
        }),
      ]);
      const keepRow = await recorded(keep ?? '');
      const dropRow = await recorded(drop ?? '');
      const made = await cast.admin.post(`/api/mail/rejected/${keepRow.id}/ticket`);
      expectStatus(made, 201);
      expect(made.body).toMatchObject({
        subject: 'Real question',
        description: 'Is the invoice paid?',
        owner: expect.objectContaining({ name: 'vacation' }),
      });
      expect(await recorded(keep ?? '')).toMatchObject({
        outcome: 'ticket',
        ticketId: made.body.id,
        raw: null,
      });
      expectStatus(await cast.admin.post(`/api/mail/rejected/${keepRow.id}/ticket`), 404);
      expectStatus(await cast.admin.delete(`/api/mail/rejected/${dropRow.id}`), 204);
      expect(await recorded(drop ?? '')).toMatchObject({ outcome: 'discarded' });
      const after = await cast.admin.get('/api/mail/rejected?pageSize=100');
      expect(after.body.items.map((m: { id: number }) => m.id)).not.toEqual(
        expect.arrayContaining([keepRow.id, dropRow.id]),
      );
    });

    it('is for admins only', async () => {
      for (const session of [cast.agent, cast.user]) {
        expectStatus(await session.get('/api/mail/status'), 403);
        expectStatus(await session.get('/api/mail/rejected'), 403);
      }
    });
  });
});
