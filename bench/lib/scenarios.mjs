import { createRng } from './rng.mjs';
import {
  COMMENT_SEARCH_TERMS,
  SEARCH_TERMS,
  descriptionOf,
  replyOf,
  subjectOf,
} from './vocabulary.mjs';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The bench scenarios. Each `next()` returns the next request (method, path, headers, body)
 * for a random signed-in actor; the same sequence is sent to the API and to the floor.
 * `group` says which scenarios the scaling run repeats.
 */
export function createScenarios(actors, seed) {
  const rng = createRng(seed ^ 0x5eed);
  const pick = (items) => items[Math.floor(rng.next() * items.length)];
  const get = (actor, path) => ({ method: 'GET', path, headers: actor.headers });
  const send = (actor, method, path, payload) => ({
    method,
    path,
    headers: { ...actor.headers, ...JSON_HEADERS },
    body: JSON.stringify(payload),
  });
  const withTickets = (list) => list.filter((actor) => actor.tickets.length > 0);
  const users = withTickets(actors.users);
  const agents = withTickets(actors.agents);
  const statuses = ['open', 'in_progress'];

  let page = null;
  let step = 0;
  const ticketPage = () => {
    if (step % 3 === 0) {
      const actor = pick(users);
      page = { actor, id: pick(actor.tickets) };
    }
    const suffix = ['', '/comments', '/history'][step % 3];
    step += 1;
    return get(page.actor, `/api/tickets/${page.id}${suffix}`);
  };

  const changeStatus = () => {
    const actor = pick(agents);
    const id = pick(actor.tickets);
    const status = actor.statuses.get(id) === 'open' ? 'in_progress' : 'open';
    actor.statuses.set(id, status);
    return send(actor, 'PATCH', `/api/tickets/${id}`, { status });
  };

  return [
    {
      name: 'user ticket list',
      kind: 'read',
      scaling: true,
      next: () => get(pick(actors.users), '/api/tickets?page=1&pageSize=25'),
    },
    {
      name: 'agent queue by status',
      kind: 'read',
      scaling: true,
      next: () =>
        get(pick(actors.agents), `/api/tickets?status=${pick(statuses)}&page=1&pageSize=25`),
    },
    {
      name: 'search my tickets',
      kind: 'read',
      scaling: true,
      next: () =>
        get(pick(actors.users), `/api/tickets?q=${pick(SEARCH_TERMS)}&page=1&pageSize=25`),
    },
    {
      name: 'admin search all',
      kind: 'read',
      scaling: true,
      next: () => get(actors.admin, `/api/tickets?q=${pick(SEARCH_TERMS)}&page=1&pageSize=25`),
    },
    {
      name: 'admin search comment words',
      kind: 'read',
      scaling: true,
      next: () =>
        get(actors.admin, `/api/tickets?q=${pick(COMMENT_SEARCH_TERMS)}&page=1&pageSize=25`),
    },
    { name: 'ticket + comments + history', kind: 'read', scaling: false, next: ticketPage },
    {
      name: 'add a comment',
      kind: 'write',
      scaling: false,
      next: () => {
        const actor = pick(users);
        return send(actor, 'POST', `/api/tickets/${pick(actor.tickets)}/comments`, {
          body: replyOf(rng),
        });
      },
    },
    {
      name: 'create a ticket',
      kind: 'write',
      scaling: false,
      next: () => {
        const subject = subjectOf(rng);
        return send(pick(actors.users), 'POST', '/api/tickets', {
          subject,
          description: descriptionOf(rng, subject),
          priority: pick(['low', 'medium', 'high', 'urgent']),
        });
      },
    },
    { name: 'change a status', kind: 'write', scaling: false, next: changeStatus },
  ];
}
