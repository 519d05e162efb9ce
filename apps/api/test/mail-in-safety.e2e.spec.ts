import { MailMessageEntity } from '../src/app/mail/mail-message.entity';
import { MailPoller } from '../src/app/mail/mail-poller';
import { MailboxStateEntity } from '../src/app/mail/mailbox-state.entity';
import { OutboxRepository } from '../src/app/notifications/outbox.repository';
import { MailDesk } from './support/mail-desk';
import { type Cast, type TestApp, expectStatus } from './support/test-app';

jest.setTimeout(30_000);

describe('Mail in: no loops, no floods, each message once, the admin decides', () => {
  let desk: MailDesk;
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    desk = await MailDesk.start();
    ({ t, cast } = desk);
  });
  afterAll(() => desk.close());

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
      const mails = await desk.sent(async () => {
        const [id] = await desk.receive({ subject: 'Out of office', text: 'Away.', ...parts });
        expect(await desk.recorded(id ?? '')).toMatchObject({
          outcome: 'rejected',
          reason: expect.stringMatching(reason),
          ticketId: null,
        });
      });
      expect(mails).toEqual([]);
      expect(await desk.ticketsOf(parts.from.toLowerCase())).toEqual([]);
    });

    it('opens at most 20 tickets per sender in an hour', async () => {
      const messages = Array.from({ length: 21 }, (_, i) => ({
        from: 'flood@customer.test',
        subject: `Flood ${i}`,
        text: 'x',
      }));
      const mails = await desk.sent(() => desk.receive(...messages));
      expect(await desk.ticketsOf('flood@customer.test')).toHaveLength(20);
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
      const crashing = await desk.anotherInstance();
      const outbox = crashing.app.get(OutboxRepository);
      let calls = 0;
      const original = outbox.enqueue.bind(outbox);
      jest.spyOn(outbox, 'enqueue').mockImplementation(async (...args) => {
        calls += 1;
        if (calls === 2) throw new Error('power cut');
        return original(...args);
      });
      await desk.append(
        ...[1, 2, 3].map((i) => ({
          from: `crash${i}@customer.test`,
          subject: `Crash ${i}`,
          text: 'x',
        })),
      );
      const first = await crashing.app.get(MailPoller).pollNow();
      expect(first).toMatchObject({ done: 1, error: 'power cut' });
      await crashing.close();
      const restarted = await desk.anotherInstance();
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
      for (const i of [1, 2, 3])
        expect(await desk.ticketsOf(`crash${i}@customer.test`)).toHaveLength(1);
    });

    it('two instances polling one mailbox take each message once; a dead one’s lease is taken over', async () => {
      const second = await desk.anotherInstance();
      try {
        await desk.append(
          ...[1, 2, 3, 4].map((i) => ({
            from: `twice${i}@customer.test`,
            subject: `Twice ${i}`,
            text: 'x',
          })),
        );
        const results = await Promise.all([
          t.app.get(MailPoller).pollNow(),
          second.app.get(MailPoller).pollNow(),
        ]);
        expect(results.map((r) => r.done).sort()).toEqual([0, 4]);
        for (const i of [1, 2, 3, 4])
          expect(await desk.ticketsOf(`twice${i}@customer.test`)).toHaveLength(1);
        // The instance holding the lease dies: once its lease expires, the other one polls.
        const lease = t.repo(MailboxStateEntity);
        await lease.update(
          { id: 1 },
          { leaseOwner: 'dead', leaseUntil: new Date(Date.now() + 60_000) },
        );
        expect(await second.app.get(MailPoller).pollNow()).toMatchObject({ polled: false });
        await lease.update({ id: 1 }, { leaseUntil: new Date(Date.now() - 1000) });
        await desk.append({ from: 'after@customer.test', subject: 'After', text: 'x' });
        expect(await second.app.get(MailPoller).pollNow()).toMatchObject({ polled: true, done: 1 });
      } finally {
        await second.close();
      }
    });

    it('an unreachable mailbox is reported, the API keeps answering, and mail flows again once it is back', async () => {
      await desk.mailbox.pause();
      try {
        const down = await t.app.get(MailPoller).pollNow();
        expect(down.error).toBeTruthy();
        const status = await cast.admin.get('/api/mail/status');
        expect(status.body).toMatchObject({ configured: true, lastError: expect.any(String) });
        expectStatus(await cast.user.get('/api/tickets'), 200);
      } finally {
        await desk.mailbox.resume();
      }
      await desk.receive({ from: 'back@customer.test', subject: 'Back', text: 'x' });
      expect(await desk.ticketsOf('back@customer.test')).toHaveLength(1);
      expect((await cast.admin.get('/api/mail/status')).body).toMatchObject({ lastError: null });
    });
  });

  describe('the admin API', () => {
    it('shows the status and the rejected messages, makes a ticket of one and discards another', async () => {
      const [keep, drop] = await desk.receive(
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
      const keepRow = await desk.recorded(keep ?? '');
      const dropRow = await desk.recorded(drop ?? '');
      const made = await cast.admin.post(`/api/mail/rejected/${keepRow.id}/ticket`);
      expectStatus(made, 201);
      expect(made.body).toMatchObject({
        subject: 'Real question',
        description: 'Is the invoice paid?',
        owner: expect.objectContaining({ name: 'vacation' }),
      });
      expect(await desk.recorded(keep ?? '')).toMatchObject({
        outcome: 'ticket',
        ticketId: made.body.id,
        raw: null,
      });
      expectStatus(await cast.admin.post(`/api/mail/rejected/${keepRow.id}/ticket`), 404);
      expectStatus(await cast.admin.delete(`/api/mail/rejected/${dropRow.id}`), 204);
      expect(await desk.recorded(drop ?? '')).toMatchObject({ outcome: 'discarded' });
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
