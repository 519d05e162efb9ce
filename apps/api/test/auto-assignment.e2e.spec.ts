import { type Agent, HistoryAction, type Ticket } from '@helpdesk/shared/domain';
import { UserEntity } from '../src/app/users/user.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

describe('Automatic assignment', () => {
  let t: TestApp;
  let admin: Session;
  let user: Session;
  let agents: Session[];

  beforeEach(async () => {
    t = await TestApp.start();
    admin = await t.signInDemo('admin');
    user = await t.signInDemo('user');
    agents = [
      await t.signInDemo('agent'),
      await t.signInNew('agent', { name: 'Bea' }),
      await t.signInNew('agent', { name: 'Cem' }),
    ];
  });
  afterEach(() => t.close());

  const mode = async (value: string) =>
    expectStatus(await admin.patch('/api/settings').send({ assignment: { mode: value } }), 200);

  const open = async (count: number): Promise<Ticket[]> => {
    const tickets: Ticket[] = [];
    for (let i = 0; i < count; i += 1) tickets.push(await user.createTicket({ subject: `T${i}` }));
    return tickets;
  };

  const tally = (tickets: Ticket[]) => {
    const counts = new Map<number | null, number>();
    for (const ticket of tickets) {
      const id = ticket.assignee?.id ?? null;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };

  it('manual (the default) leaves a new ticket unassigned', async () => {
    const [ticket] = await open(1);
    expect(ticket?.assignee).toBeNull();
  });

  it('round robin gives tickets in turn, each agent equally, recorded as done by the desk', async () => {
    await mode('round_robin');
    const tickets = await open(9);
    const order = tickets.map((ticket) => ticket.assignee?.id);
    expect(order.slice(0, 3).sort()).toEqual(agents.map((agent) => agent.user.id).sort());
    expect(order.slice(3, 6)).toEqual(order.slice(0, 3));
    expect([...tally(tickets).values()]).toEqual([3, 3, 3]);

    const first = tickets[0];
    if (!first) throw new Error('no ticket');
    const history = await t.storedHistory(first.id);
    expect(history.map((entry) => [entry.action, entry.actorId])).toEqual([
      [HistoryAction.Created, user.user.id],
      [HistoryAction.Assigned, null],
    ]);
    const listed = (await admin.get(`/api/tickets/${first.id}/history`)).body;
    expect(listed[1]).toMatchObject({ action: 'assigned', actor: null, to: first.assignee?.name });
  });

  it('inactive and unavailable agents are skipped', async () => {
    await mode('round_robin');
    const [away, gone, working] = agents as [Session, Session, Session];
    await t.repo(UserEntity).update({ id: away.user.id }, { available: false });
    expectStatus(await admin.delete(`/api/users/${gone.user.id}`), 204);
    const tickets = await open(4);
    expect(tally(tickets)).toEqual(new Map([[working.user.id, 4]]));
  });

  it('with no available agent the ticket stays unassigned', async () => {
    await mode('least_open');
    await t.repo(UserEntity).update({ role: 'agent' }, { available: false });
    const [ticket] = await open(1);
    expect(ticket?.assignee).toBeNull();
  });

  it('least open gives each ticket to the agent with the fewest open tickets', async () => {
    const [busy, , idle] = agents as [Session, Session, Session];
    for (let i = 0; i < 3; i += 1) await admin.createTicket({ assigneeId: busy.user.id });
    const done = await admin.createTicket({ assigneeId: idle.user.id });
    expectStatus(await admin.patch(`/api/tickets/${done.id}`).send({ status: 'closed' }), 200);
    await mode('least_open');
    const tickets = await open(6);
    const counts = tally(tickets);
    expect(counts.get(busy.user.id)).toBeUndefined();
    expect([...counts.values()].sort()).toEqual([3, 3]);
    const listed = (await admin.get('/api/agents')).body as Agent[];
    expect(listed.map((agent) => agent.openCount).sort()).toEqual([3, 3, 3]);
  });

  it('an admin who picks an assignee overrides the rotation', async () => {
    await mode('round_robin');
    const [, chosen] = agents as [Session, Session];
    const ticket = await admin.createTicket({ assigneeId: chosen.user.id });
    expect(ticket.assignee?.id).toBe(chosen.user.id);
    const history = await t.storedHistory(ticket.id);
    expect(history[1]?.actorId).toBe(admin.user.id);
  });
});
