import type { TicketSummary } from '@helpdesk/shared/domain';
import { type Session, TestApp, expectStatus } from './support/test-app';

/** Search beyond subject and description: replies, notes, the requester, numbers, tags. */
describe('Searching what people wrote and who asked', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;
  let otherUser: Session;
  let ticketId: number;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent, otherUser } = await t.signInCast());
    ticketId = (
      await admin.createTicket({
        subject: 'Laptop will not start',
        description: 'Black screen.',
        assigneeId: agent.user.id,
      })
    ).id;
  });
  afterAll(() => t.close());

  const ids = async (who: Session, query: string) => {
    const response = await who.get(`/api/tickets?q=${encodeURIComponent(query)}`);
    expectStatus(response, 200);
    return (response.body.items as TicketSummary[]).map((item) => item.id).sort((a, b) => a - b);
  };

  const openFor = async (owner: Session, fields: { subject: string; description: string }) => {
    const ticket = await owner.createTicket(fields);
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    return ticket.id;
  };

  it('a word from a public reply finds the ticket for its owner, its agent and an admin', async () => {
    const id = await openFor(user, { subject: 'Mail sync', description: 'Outlook stalls.' });
    expectStatus(
      await agent.post(`/api/tickets/${id}/comments`).send({ body: 'Cleared the ostrakon cache' }),
      201,
    );
    expect(await ids(user, 'ostrakon')).toEqual([id]);
    expect(await ids(agent, 'ostrakon')).toEqual([id]);
    expect(await ids(admin, 'ostrakon')).toEqual([id]);
    expect(await ids(otherAgent, 'ostrakon')).toEqual([]);
    expect(await ids(otherUser, 'ostrakon')).toEqual([]);
  });

  it('a word only in an internal note is found by staff, never by the owner', async () => {
    const id = await openFor(user, { subject: 'Badge reader', description: 'Door 4.' });
    expectStatus(
      await agent
        .post(`/api/tickets/${id}/comments`)
        .send({ body: 'Vendor quibbleton owes us a part', internal: true }),
      201,
    );
    expect(await ids(agent, 'quibbleton')).toEqual([id]);
    expect(await ids(admin, 'quibbleton')).toEqual([id]);
    expect(await ids(user, 'quibbleton')).toEqual([]);
    expect(await ids(user, 'badge')).toEqual([id]);
    const total = await user.get('/api/tickets?q=quibbleton');
    expect(total.body).toMatchObject({ total: 0, items: [] });
  });

  it("the requester's name and e-mail find their tickets for staff only", async () => {
    const requester = await t.signInNew('user', {
      name: 'Philippa Wobblesworth',
      email: 'phil.wobble@example.org',
    });
    const id = await openFor(requester, { subject: 'Monitor flicker', description: 'HDMI.' });
    expect(await ids(agent, 'wobblesworth')).toEqual([id]);
    expect(await ids(admin, 'phil.wobble@example.org')).toEqual([id]);
    expect(await ids(admin, 'philippa wobbles')).toEqual([id]);
    expect(await ids(requester, 'wobblesworth')).toEqual([]);
    expect(await ids(otherAgent, 'wobblesworth')).toEqual([]);
  });

  it('a renamed requester is found by the new name', async () => {
    const requester = await t.signInNew('user', { name: 'Quentin Zephyrine' });
    const id = await openFor(requester, { subject: 'Dock', description: 'USB-C.' });
    expectStatus(
      await admin.patch(`/api/users/${requester.user.id}`).send({ name: 'Quentin Marblefoot' }),
      200,
    );
    expect(await ids(admin, 'zephyrine')).toEqual([]);
    expect(await ids(admin, 'marblefoot')).toEqual([id]);
  });

  it('the last word is a prefix, in replies too', async () => {
    const id = await openFor(user, { subject: 'Headset', description: 'Crackles.' });
    await user.post(`/api/tickets/${id}/comments`).send({ body: 'Still crumblebuzzing today' });
    expect(await ids(user, 'crumblebuz')).toEqual([id]);
    expect(await ids(user, 'crumblebuz today')).toEqual([]);
    expect(await ids(user, 'today crumblebuz')).toEqual([id]);
  });

  it('results come in the list order: the latest activity first, or last with -updatedAt', async () => {
    const first = await openFor(user, { subject: 'Toaster smokes', description: 'Kitchen.' });
    const second = await openFor(user, { subject: 'Toaster sparks', description: 'Kitchen.' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expectStatus(await user.post(`/api/tickets/${first}/comments`).send({ body: 'Again' }), 201);
    const order = async (query: string) =>
      ((await user.get(`/api/tickets?${query}`)).body.items as TicketSummary[]).map((i) => i.id);
    expect(await order('q=toaster')).toEqual([first, second]);
    expect(await order('q=toaster&sort=-updatedAt')).toEqual([second, first]);
    expect(await order('q=toaster&pageSize=1&page=2')).toEqual([second]);
  });

  it('#id or the number alone finds a ticket the caller sees, and only then', async () => {
    expect(await ids(admin, `#${ticketId}`)).toContain(ticketId);
    expect(await ids(admin, String(ticketId))).toContain(ticketId);
    expect(await ids(agent, `#${ticketId}`)).toContain(ticketId);
    expect(await ids(otherAgent, `#${ticketId}`)).not.toContain(ticketId);
    expect(await ids(user, `#${ticketId}`)).not.toContain(ticketId);
    expect(await ids(admin, `printer #${ticketId}`)).not.toContain(ticketId);
  });

  it('a tag filters a search, and a tag filter alone is a list', async () => {
    const tagged = await openFor(user, { subject: 'Wifi drops', description: 'Floor 2.' });
    const other = await openFor(user, { subject: 'Wifi slow', description: 'Floor 3.' });
    expectStatus(await agent.patch(`/api/tickets/${tagged}`).send({ tags: ['wi-fi', 'net'] }), 200);
    expectStatus(await agent.patch(`/api/tickets/${other}`).send({ tags: ['wi'] }), 200);
    expect(await ids(agent, 'wifi')).toEqual([tagged, other]);
    const filtered = await agent.get('/api/tickets?q=wifi&tag=wi-fi');
    expect(filtered.body.items.map((i: TicketSummary) => i.id)).toEqual([tagged]);
    const byTags = await user.get('/api/tickets?tag=net&tag=WI-FI');
    expect(byTags.body).toMatchObject({ total: 1, totalCapped: false });
    expect(byTags.body.items[0]).toMatchObject({ id: tagged, tags: ['net', 'wi-fi'] });
    expect((await otherUser.get('/api/tickets?tag=net')).body.total).toBe(0);
    expect((await user.get('/api/tickets?tag=net&tag=wi')).body.total).toBe(0);
  });
});
