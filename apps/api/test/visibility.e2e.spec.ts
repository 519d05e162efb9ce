import {
  canViewTicket,
  type DeskAccess,
  type Ticket,
  type TicketPage,
  TicketStatus,
} from '@helpdesk/shared/domain';
import { type Cast, type Session, TestApp, expectStatus } from './support/test-app';

const relations = [
  'mine, assigned to agent',
  'mine, unassigned',
  'other user, assigned to other agent',
  'other user, unassigned',
  'opened by the admin, assigned to agent',
  'opened by the admin, unassigned',
] as const;
const people = ['admin', 'agent', 'otherAgent', 'user', 'otherUser'] as const;

/**
 * Who sees what is defined once (`scopeCovers` in libs/shared/domain); the API answers it in
 * three places: the in-memory check of one ticket, the SQL of the lists and the scope tokens
 * of the search index. Every role against every relation to a ticket, with the pool off and
 * on, all three must agree with the shared rule.
 */
describe.each<DeskAccess>([{ agentsSeeUnassigned: false }, { agentsSeeUnassigned: true }])(
  'Ticket visibility: one rule, three places (%j)',
  (desk) => {
    let t: TestApp;
    let cast: Cast;
    const tickets = new Map<string, Ticket>();

    beforeAll(async () => {
      t = await TestApp.start();
      cast = await t.signInCast();
      const { admin, agent, user, otherAgent, otherUser } = cast;
      const create = async (owner: Session, subject: string, assignee?: Session) => {
        const ticket = await owner.createTicket({ subject, description: 'Visibility zebrafinch' });
        expectStatus(
          await admin.post(`/api/tickets/${ticket.id}/comments`).send({ body: 'Reply okapi' }),
          201,
        );
        expectStatus(await admin.patch(`/api/tickets/${ticket.id}`).send({ tags: ['seen'] }), 200);
        if (!assignee) return ticket;
        const response = await admin
          .post(`/api/tickets/${ticket.id}/assign`)
          .send({ assigneeId: assignee.user.id });
        expectStatus(response, 200);
        return response.body as Ticket;
      };
      tickets.set('mine, assigned to agent', await create(user, 'Mine assigned', agent));
      tickets.set('mine, unassigned', await create(user, 'Mine unassigned'));
      tickets.set(
        'other user, assigned to other agent',
        await create(otherUser, 'Theirs assigned', otherAgent),
      );
      tickets.set('other user, unassigned', await create(otherUser, 'Theirs unassigned'));
      tickets.set('opened by the admin, assigned to agent', await create(admin, 'Admin', agent));
      tickets.set('opened by the admin, unassigned', await create(admin, 'Admin unassigned'));
      expectStatus(await admin.patch('/api/settings').send({ assignment: desk }), 200);
    });
    afterAll(() => t.close());

    it.each(people)('%s: the ticket page, the list and search agree with the rule', async (who) => {
      const person = cast[who];
      const listed = await ids(person, '/api/tickets?pageSize=100');
      const found = await ids(person, '/api/tickets?pageSize=100&q=zebrafinch');
      const byReply = await ids(person, '/api/tickets?pageSize=100&q=okapi');
      const byTag = await ids(person, '/api/tickets?pageSize=100&tag=seen');
      for (const relation of relations) {
        const ticket = tickets.get(relation);
        if (!ticket) throw new Error(`no ticket for ${relation}`);
        const access = {
          ownerId: ticket.owner.id,
          assigneeId: ticket.assignee?.id ?? null,
          status: TicketStatus.Open,
        };
        const expected = canViewTicket(person.user, access, desk);
        const page = await person.get(`/api/tickets/${ticket.id}`);
        expect({ relation, page: page.status }).toEqual({ relation, page: expected ? 200 : 404 });
        expect({ relation, listed: listed.has(ticket.id) }).toEqual({ relation, listed: expected });
        expect({ relation, found: found.has(ticket.id) }).toEqual({ relation, found: expected });
        expect({ relation, byReply: byReply.has(ticket.id) }).toEqual({
          relation,
          byReply: expected,
        });
        expect({ relation, byTag: byTag.has(ticket.id) }).toEqual({ relation, byTag: expected });
        const byNumber = await ids(person, `/api/tickets?q=%23${ticket.id}`);
        expect({ relation, byNumber: byNumber.has(ticket.id) }).toEqual({
          relation,
          byNumber: expected,
        });
      }
    });

    async function ids(person: Session, url: string): Promise<Set<number>> {
      const response = await person.get(url);
      expectStatus(response, 200);
      return new Set((response.body as TicketPage).items.map((item) => item.id));
    }
  },
);
