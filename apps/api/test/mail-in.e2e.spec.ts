import { Role } from '@helpdesk/shared/domain';
import { AttachmentEntity } from '../src/app/attachments/attachment.entity';
import { UserEntity } from '../src/app/users/user.entity';
import { NO_PASSWORD } from '../src/app/users/password-hasher';
import { header, MailDesk } from './support/mail-desk';
import { withAttachments } from './support/mail-messages';
import type { Cast, TestApp } from './support/test-app';

jest.setTimeout(30_000);

describe('Mail in: messages become tickets, replies become comments', () => {
  let desk: MailDesk;
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    desk = await MailDesk.start();
    ({ t, cast } = desk);
  });
  afterAll(() => desk.close());

  describe('a new message', () => {
    it('opens a ticket for a new sender, created as a user without a password, and answers with the number', async () => {
      const mails = await desk.sent(async () => {
        await desk.receive({
          from: 'Nina New <nina@customer.test>',
          subject: 'VPN drops every hour',
          text: 'The VPN disconnects at :00.\n\n-- \nNina New\nCustomer Ltd',
        });
      });
      const [ticket] = await desk.ticketsOf('nina@customer.test');
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
      await desk.receive({
        from: 'hugo@customer.test',
        subject: 'Screen flickers',
        html: '<div><p>My screen <b>flickers</b> after lunch.</p><p>See <a href="https://x.test">this</a>.</p></div>',
      });
      const [ticket] = await desk.ticketsOf('hugo@customer.test');
      expect(ticket?.description).toBe('My screen flickers after lunch.\n\nSee this.');
    });

    it('reads ISO-8859-1 and Windows-1252 text', async () => {
      await desk.receive({
        from: 'rene@customer.test',
        subject: '=?ISO-8859-1?Q?Caf=E9_machine?=',
        mime: 'Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\nDer Kaffee kostet =80 2 =FCberall.',
      });
      const [ticket] = await desk.ticketsOf('rene@customer.test');
      expect(ticket).toMatchObject({
        subject: 'Café machine',
        description: 'Der Kaffee kostet € 2 überall.',
      });
    });

    it('keeps a forwarded message whole', async () => {
      await desk.receive({
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
      const [ticket] = await desk.ticketsOf('boss@customer.test');
      expect(ticket?.description).toContain('Please help Carol.\n\n---------- Forwarded message');
      expect(ticket?.description).toContain('The printer on floor 3 is jammed.');
    });

    it('stores an allowed attachment and names a refused one in an internal note', async () => {
      await desk.receive({
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
      const [ticket] = await desk.ticketsOf('ann@customer.test');
      const files = await t.repo(AttachmentEntity).findBy({ ticketId: ticket?.id });
      expect(files.map((f) => [f.filename, f.contentType])).toEqual([
        ['vpn.log', 'text/plain; charset=utf-8'],
      ]);
      expect(t.storedFiles()).toContain(files[0]?.storageKey);
      const notes = await desk.commentsOn(ticket?.id ?? 0);
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
      const [notification] = await desk.sent(() =>
        cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Try restarting it.' }),
      );
      const ourId = header(notification?.raw, 'Message-ID') ?? '';
      expect(notification?.subject).toBe(
        `[Helpdesk] New comment on [#${ticket.id}] ${ticket.subject}`,
      );
      expect(header(notification?.raw, 'References')).toMatch(new RegExp(`<hd\\.t${ticket.id}\\.`));
      await desk.receive({
        from: 'Demo User <user@example.com>',
        subject: `Re: ${notification?.subject}`,
        headers: { 'In-Reply-To': ourId, References: ourId },
        text: `Restarted, works now.\n\nOn Mon, Nov 24, 2026 at 10:02 AM Helpdesk <\nsupport@test.local> wrote:\n\n> Try restarting it.\n`,
      });
      const comments = await desk.commentsOn(ticket.id);
      expect(comments.at(-1)).toMatchObject({
        authorId: cast.user.user.id,
        body: 'Restarted, works now.',
        internal: false,
      });
    });

    it('from the owner in Outlook shape, with only [#id] in the subject, becomes their comment', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Outlook case' });
      await desk.receive({
        from: 'user@example.com',
        subject: `RE: [Helpdesk] New comment on [#${ticket.id}] Outlook case`,
        text: 'Here is more detail.\r\n\r\n-----Original Message-----\r\nFrom: Helpdesk <support@test.local>\r\nSent: Monday, November 24, 2026 10:02 AM\r\n\r\nold text',
      });
      expect((await desk.commentsOn(ticket.id)).map((c) => c.body)).toEqual([
        'Here is more detail.',
      ]);
    });

    it('in Apple Mail shape, referring to the message that opened the ticket, becomes a comment', async () => {
      const [opening] = await desk.receive({
        from: 'apple@customer.test',
        subject: 'Mac will not boot',
        text: 'Grey screen.',
      });
      const [ticket] = await desk.ticketsOf('apple@customer.test');
      await desk.receive({
        from: 'apple@customer.test',
        subject: 'Re: Mac will not boot',
        headers: { 'In-Reply-To': opening ?? '', References: opening ?? '' },
        text: 'It boots in safe mode.\n\nSent from my iPhone\n\n> On 24 Nov 2026, at 10:00, Apple <apple@customer.test> wrote:\n>\n> Grey screen.',
      });
      expect((await desk.commentsOn(ticket?.id ?? 0)).map((c) => c.body)).toEqual([
        'It boots in safe mode.\n\nSent from my iPhone',
      ]);
    });

    it('from the assigned agent becomes the agent’s comment', async () => {
      const ticket = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const [notification] = await desk.sent(() =>
        cast.user.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Any news?' }),
      );
      const ourId = header(notification?.raw, 'Message-ID') ?? '';
      await desk.receive({
        from: 'agent@example.com',
        subject: `Re: ${notification?.subject}`,
        headers: { 'In-Reply-To': ourId },
        text: 'Working on it.\n\n> Any news?',
      });
      expect((await desk.commentsOn(ticket.id)).at(-1)).toMatchObject({
        authorId: cast.agent.user.id,
        body: 'Working on it.',
      });
    });

    it('a forged [#id] from a stranger opens their own ticket and never touches the named one', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Private matter' });
      await desk.receive({
        from: 'mallory@evil.test',
        subject: `Re: [#${ticket.id}] Private matter`,
        text: 'Let me in.',
      });
      expect(await desk.commentsOn(ticket.id)).toEqual([]);
      expect((await desk.ticketsOf('mallory@evil.test')).map((x) => x.description)).toEqual([
        'Let me in.',
      ]);
    });

    it('a forged token is not a match', async () => {
      const ticket = await cast.user.createTicket({ subject: 'Token target' });
      const forged = `<hd.t${ticket.id}.${'0'.repeat(20)}.abcdef@test.local>`;
      await desk.receive({
        from: 'eve@evil.test',
        subject: 'Re: hello',
        headers: { 'In-Reply-To': forged },
        text: 'Forged.',
      });
      expect(await desk.commentsOn(ticket.id)).toEqual([]);
      expect(await desk.ticketsOf('eve@evil.test')).toHaveLength(1);
    });

    it('with a valid token from someone who may not write on the ticket is rejected', async () => {
      const ticket = await t.ticketAssigned({
        owner: cast.user,
        admin: cast.admin,
        agent: cast.agent,
      });
      const [notification] = await desk.sent(() =>
        cast.agent.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Hi' }),
      );
      const ourId = header(notification?.raw, 'Message-ID') ?? '';
      const [id] = await desk.receive({
        from: cast.otherUser.user.email,
        subject: 'Re: x',
        headers: { 'In-Reply-To': ourId },
        text: 'Me too',
      });
      expect(await desk.recorded(id ?? '')).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringContaining(`#${ticket.id}`),
      });
      expect((await desk.commentsOn(ticket.id)).map((c) => c.body)).toEqual(['Hi']);
    });
  });
});
