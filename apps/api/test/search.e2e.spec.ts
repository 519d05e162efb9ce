import { SEARCH_TOTAL_CAP, type TicketSummary } from '@helpdesk/shared/domain';
import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Searching tickets', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;
  let otherUser: Session;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent, otherUser } = await t.signInCast());

    ids['printer'] = (
      await user.createTicket({
        subject: 'Printer jammed',
        description: 'The LaserJet on floor 3 is stuck.',
      })
    ).id;
    ids['vpn'] = (
      await user.createTicket({ subject: 'VPN slow', description: 'Tunnel drops at noon.' })
    ).id;
    ids['secret'] = (
      await otherUser.createTicket({
        subject: 'Payroll question',
        description: 'About the Zanzibarian bonus.',
      })
    ).id;
    ids['assigned'] = (
      await admin.createTicket({
        subject: 'Printer toner',
        description: 'Order more toner.',
        assigneeId: agent.user.id,
      })
    ).id;
  });
  afterAll(() => t.close());

  const search = async (who: Session, query: string) => {
    const response = await who.get(`/api/tickets?q=${encodeURIComponent(query)}`);
    expectStatus(response, 200);
    return (response.body.items as TicketSummary[]).map((item) => item.id).sort();
  };

  it('finds words in the subject, case-insensitively', async () => {
    expect(await search(user, 'PRINTER')).toEqual([ids['printer']]);
    expect(await search(admin, 'printer')).toEqual([ids['printer'], ids['assigned']].sort());
  });

  it('finds words in the description', async () => {
    expect(await search(user, 'laserjet')).toEqual([ids['printer']]);
    expect(await search(user, 'tunnel noon')).toEqual([ids['vpn']]);
  });

  it('all words must match', async () => {
    expect(await search(user, 'printer tunnel')).toEqual([]);
  });

  it('the last word matches as a prefix, the others whole', async () => {
    expect(await search(user, 'print')).toEqual([ids['printer']]);
    expect(await search(user, 'jammed print')).toEqual([ids['printer']]);
    expect(await search(user, 'print jammed')).toEqual([]);
    expect(await search(user, 'printer')).toEqual([ids['printer']]);
  });

  it('an edited subject is found by its new words, not its old ones', async () => {
    const ticket = await user.createTicket({ subject: 'Keyboard sticky', description: 'Coffee.' });
    expectStatus(
      await user.patch(`/api/tickets/${ticket.id}`).send({ subject: 'Mouse broken' }),
      200,
    );
    expect(await search(user, 'keyboard')).toEqual([]);
    expect(await search(user, 'mouse')).toEqual([ticket.id]);
  });

  it("a user never finds another user's ticket by a word only that ticket has", async () => {
    expect(await search(user, 'zanzibarian')).toEqual([]);
    expect(await search(otherUser, 'zanzibarian')).toEqual([ids['secret']]);
    expect(await search(admin, 'zanzibarian')).toEqual([ids['secret']]);
  });

  it('an agent finds only tickets assigned to them', async () => {
    expect(await search(agent, 'printer')).toEqual([ids['assigned']]);
    expect(await search(otherAgent, 'printer')).toEqual([]);
    expect(await search(agent, 'zanzibarian')).toEqual([]);
  });

  it('a search follows reassignment: the new agent finds it, the old one no longer', async () => {
    const ticket = await admin.createTicket({
      subject: 'Quokka invasion',
      description: 'x',
      assigneeId: agent.user.id,
    });
    expect(await search(agent, 'quokka')).toEqual([ticket.id]);
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: otherAgent.user.id }),
      200,
    );
    expect(await search(agent, 'quokka')).toEqual([]);
    expect(await search(otherAgent, 'quokka')).toEqual([ticket.id]);
  });

  it('search combines with status and priority filters and reports the right total', async () => {
    const response = await admin.get('/api/tickets?q=printer&status=open&priority=medium');
    expect(response.body.total).toBe(response.body.items.length);
    expect(
      response.body.items.every(
        (i: TicketSummary) => i.status === 'open' && i.priority === 'medium',
      ),
    ).toBe(true);
    expectStatus(
      await admin.patch(`/api/tickets/${ids['assigned']}`).send({ status: 'closed' }),
      200,
    );
    expect(
      (await admin.get('/api/tickets?q=printer&status=closed')).body.items.map(
        (i: TicketSummary) => i.id,
      ),
    ).toEqual([ids['assigned']]);
  });

  it.each([
    'printer"',
    '"',
    'NEAR(',
    'NEAR(printer vpn)',
    'a AND',
    'OR',
    'NOT printer',
    '*',
    'print*',
    '-printer',
    '^printer',
    'subject:printer',
    '{subject}: x',
    "'; DROP TABLE tickets; --",
    '%_\\',
    '((((',
    '🙂 printer',
  ])('hostile input %p answers 200 (never 500)', async (query) => {
    const response = await user.get(`/api/tickets?q=${encodeURIComponent(query)}`);
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
  });

  it('hostile input never widens the scope', async () => {
    for (const query of ['zanzibarian OR printer', 'scope:o1', 'zanzibarian*', '"zanzibarian"']) {
      expect(await search(user, query)).not.toContain(ids['secret']);
    }
  });

  it('accents belong to the word, on every engine alike', async () => {
    const ticket = await user.createTicket({ subject: 'Café machine', description: 'Naïve fix.' });
    expect(await search(user, 'CAFÉ naïve')).toEqual([ticket.id]);
    expect(await search(user, 'cafe')).toEqual([]);
  });

  it('a word in punctuation is still found', async () => {
    expect(await search(user, '"printer"')).toEqual([ids['printer']]);
    expect(await search(user, 'printer?!')).toEqual([ids['printer']]);
  });

  it('a search past 1,000 matches says "1,000+" and still pages newest first', async () => {
    const now = Date.now();
    const many = Array.from({ length: SEARCH_TOTAL_CAP + 5 }, (_, index) => ({
      subject: `Kiosk ${index}`,
      description: 'The lobby kiosk froze.',
      status: 'open' as const,
      priority: 'low' as const,
      priorityRank: 0,
      ownerId: otherUser.user.id,
      assigneeId: null,
      createdAt: new Date(now - index * 1000),
      updatedAt: new Date(now - index * 1000),
    }));
    for (let start = 0; start < many.length; start += 250) {
      await t.repo(TicketEntity).insert(many.slice(start, start + 250));
    }

    const response = await admin.get('/api/tickets?q=kiosk&pageSize=3');
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ total: SEARCH_TOTAL_CAP, totalCapped: true });
    expect(response.body.items.map((item: TicketSummary) => item.subject)).toEqual([
      'Kiosk 0',
      'Kiosk 1',
      'Kiosk 2',
    ]);
    const mine = await otherUser.get('/api/tickets?q=kiosk&sort=-updatedAt&pageSize=1');
    expect(mine.body).toMatchObject({ total: SEARCH_TOTAL_CAP, totalCapped: true });
    expect(mine.body.items[0].subject).toBe(`Kiosk ${SEARCH_TOTAL_CAP + 4}`);
    const exact = await admin.get('/api/tickets?q=kiosk%2017');
    expect(exact.body).toMatchObject({ total: 1, totalCapped: false });
  });
});
