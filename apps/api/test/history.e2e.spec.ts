import type { HistoryEntry } from '@helpdesk/shared/domain';
import { HistoryEntity } from '../src/app/ticket-core/history.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('Ticket history (audit)', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;
  let otherUser: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent, otherUser } = await t.signInCast());
  });
  afterAll(() => t.close());

  it('every kind of change is listed oldest first with actor, from and to', async () => {
    const ticket = await user.createTicket({ subject: 'First subject' });
    const id = ticket.id;
    expectStatus(await user.patch(`/api/tickets/${id}`).send({ subject: 'Second subject' }), 200);
    expectStatus(
      await admin.post(`/api/tickets/${id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    expectStatus(await agent.patch(`/api/tickets/${id}`).send({ status: 'in_progress' }), 200);
    expectStatus(await agent.patch(`/api/tickets/${id}`).send({ priority: 'urgent' }), 200);
    expectStatus(await agent.post(`/api/tickets/${id}/comments`).send({ body: 'On it' }), 201);
    expectStatus(
      await user.post(`/api/tickets/${id}/attachments`).attach('file', PNG_SIGNATURE, 'screen.png'),
      201,
    );
    expectStatus(await agent.patch(`/api/tickets/${id}`).send({ status: 'resolved' }), 200);
    expectStatus(await user.put(`/api/tickets/${id}/rating`).send({ stars: 4 }), 200);
    expectStatus(await user.put(`/api/tickets/${id}/rating`).send({ stars: 5 }), 200);

    const response = await user.get(`/api/tickets/${id}/history`);
    expectStatus(response, 200);
    const uma = { id: user.user.id, name: 'Uma User' };
    const alex = { id: agent.user.id, name: 'Alex Agent' };
    const ada = { id: admin.user.id, name: 'Ada Admin' };
    expect(
      response.body.map(({ action, from, to, actor }: HistoryEntry) => ({
        action,
        from,
        to,
        actor,
      })),
    ).toEqual([
      { action: 'created', from: null, to: 'open', actor: uma },
      { action: 'edited', from: 'First subject', to: 'Second subject', actor: uma },
      { action: 'assigned', from: null, to: 'Alex Agent', actor: ada },
      { action: 'status_changed', from: 'open', to: 'in_progress', actor: alex },
      { action: 'priority_changed', from: 'medium', to: 'urgent', actor: alex },
      { action: 'commented', from: null, to: 'On it', actor: alex },
      { action: 'attachment_added', from: null, to: 'screen.png', actor: uma },
      { action: 'status_changed', from: 'in_progress', to: 'resolved', actor: alex },
      { action: 'rated', from: null, to: '4', actor: uma },
      { action: 'rated', from: '4', to: '5', actor: uma },
    ]);
    for (const entry of response.body as HistoryEntry[]) {
      expect(entry.id).toEqual(expect.any(Number));
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(await t.repo(HistoryEntity).countBy({ ticketId: id })).toBe(10);
  });

  it('an entry is written with its change: the ticket time and the entry time are the same', async () => {
    const ticket = await user.createTicket();
    const patched = await admin.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' });
    const history = (await admin.get(`/api/tickets/${ticket.id}/history`)).body as HistoryEntry[];
    expect(history.at(-1)?.at).toBe(patched.body.updatedAt);
  });

  it('refused changes leave no trace in the history', async () => {
    const ticket = await user.createTicket();
    expectStatus(
      await user.patch(`/api/tickets/${ticket.id}`).send({ status: 'in_progress' }),
      403,
    );
    expectStatus(await user.patch(`/api/tickets/${ticket.id}`).send({ priority: 'high' }), 403);
    expectStatus(await user.put(`/api/tickets/${ticket.id}/rating`).send({ stars: 3 }), 409);
    expectStatus(
      await user
        .post(`/api/tickets/${ticket.id}/attachments`)
        .attach('file', Buffer.from('MZ'), 'x.exe'),
      415,
    );
    expect(
      (await t.repo(HistoryEntity).findBy({ ticketId: ticket.id })).map((h) => h.action),
    ).toEqual(['created']);
  });

  it('a deactivated actor still appears in the history', async () => {
    const leaving = await t.signInNew('user', { name: 'Lea Leaving' });
    const ticket = await leaving.createTicket();
    expectStatus(await admin.delete(`/api/users/${leaving.user.id}`), 204);
    const history = await admin.get(`/api/tickets/${ticket.id}/history`);
    expect(history.body[0].actor).toEqual({ id: leaving.user.id, name: 'Lea Leaving' });
  });

  it('the history of a ticket one cannot see is 404, like a missing one', async () => {
    const ticket = await admin.createTicket({ assigneeId: agent.user.id });
    expectStatus(await otherUser.get(`/api/tickets/${ticket.id}/history`), 404);
    expectStatus(await otherAgent.get(`/api/tickets/${ticket.id}/history`), 404);
    expectStatus(await agent.get(`/api/tickets/${ticket.id}/history`), 200);
    expectStatus(await user.get('/api/tickets/999999/history'), 404);
  });

  it('the history cannot be edited or deleted through the API', async () => {
    const ticket = await user.createTicket();
    const [entry] = (await user.get(`/api/tickets/${ticket.id}/history`)).body as [HistoryEntry];
    for (const response of [
      await admin.post(`/api/tickets/${ticket.id}/history`).send({ action: 'created' }),
      await admin.delete(`/api/tickets/${ticket.id}/history`),
      await admin.patch(`/api/tickets/${ticket.id}/history/${entry.id}`).send({ to: 'x' }),
      await admin.delete(`/api/tickets/${ticket.id}/history/${entry.id}`),
    ]) {
      expect([404, 405]).toContain(response.status);
    }
    expect(await t.repo(HistoryEntity).countBy({ ticketId: ticket.id })).toBe(1);
  });
});
