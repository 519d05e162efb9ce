import { FIRST_NAMES, LAST_NAMES, descriptionOf, replyOf, subjectOf } from './vocabulary.mjs';

const STATUSES = ['open', 'in_progress', 'resolved', 'closed'];
const PRIORITIES = ['low', 'medium', 'high', 'urgent'];
const PRIORITY_RANK = { low: 1, medium: 2, high: 3, urgent: 4 };
const DAY_MS = 86_400_000;
const SPAN_MS = 730 * DAY_MS;
const COMMENTS_PER_TICKET = 5;

/** `YYYY-MM-DD HH:MM:SS.SSS` in UTC, the way the API stores timestamps in SQLite. */
export function dbTime(ms) {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

/**
 * Row values for users and tickets, drawn from one seeded generator. Tickets are created in
 * id order over the past two years; each is updated within 30 days of its creation.
 */
export function rowsOf(rng, { tickets: total, users, agents }) {
  const now = Date.now();
  const start = now - SPAN_MS;
  const nameOf = (n) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} ${n}`;

  function* usersOf(passwordHash) {
    const createdAt = dbTime(start - 30 * DAY_MS);
    for (let n = 1; n <= agents; n += 1) {
      const email = `bench-agent-${n}@example.com`;
      yield { role: 'agent', values: [nameOf(n), email, passwordHash, 'agent', createdAt] };
    }
    for (let n = 1; n <= users; n += 1) {
      const email = `bench-user-${n}@example.com`;
      yield { role: 'user', values: [nameOf(n), email, passwordHash, 'user', createdAt] };
    }
  }

  function ticket(id, index, { users: userIds, agents: agentIds }) {
    const created = start + Math.floor(((index + rng.next()) * SPAN_MS) / total);
    const updated = Math.min(now - 1000, created + Math.floor(rng.next() * 30 * DAY_MS));
    const status = rng.pick(STATUSES);
    const priority = rng.pick(PRIORITIES);
    const ownerId = rng.pick(userIds);
    const assigneeId = status === 'open' && rng.next() < 0.2 ? null : rng.pick(agentIds);
    const rated = (status === 'resolved' || status === 'closed') && rng.next() < 0.3;
    const subject = subjectOf(rng);
    const values = [
      id,
      subject,
      descriptionOf(rng, subject),
      status,
      priority,
      PRIORITY_RANK[priority],
      ownerId,
      assigneeId,
      rated ? rng.int(1, 5) : null,
      rated ? 'Thanks for the help.' : null,
      dbTime(created),
      dbTime(updated),
    ];
    const createdAt = dbTime(created);
    const history = [[id, ownerId, 'created', null, 'open', createdAt]];
    if (assigneeId !== null)
      history.push([id, ownerId, 'assigned', null, `Agent ${assigneeId}`, createdAt]);
    const comments = [];
    const step = (updated - created) / (COMMENTS_PER_TICKET + 1);
    for (let c = 1; c <= COMMENTS_PER_TICKET; c += 1) {
      const authorId = c % 2 === 0 && assigneeId !== null ? assigneeId : ownerId;
      const body = replyOf(rng);
      const at = dbTime(created + Math.floor(step * c));
      comments.push([id, authorId, body, at]);
      history.push([id, authorId, 'commented', null, body, at]);
    }
    if (status !== 'open') {
      history.push([id, assigneeId ?? ownerId, 'status_changed', 'open', status, dbTime(updated)]);
    }
    return { values, comments, history };
  }

  return { users: usersOf, ticket };
}
