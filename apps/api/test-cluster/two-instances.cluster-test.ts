import type { Agent, Ticket } from '@helpdesk/shared/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresTestDatabase, type TestDatabase } from '../test/support/test-database';
import { ApiProcess } from './support/api-process';
import { HttpClient } from './support/http-client';
import { MailCatcher } from './support/mail-catcher';
import { POSTGRES_SERVER_URL, waitFor } from './support/wait';

describe('two API instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let uploads: string;
  let mail: MailCatcher;
  let first: ApiProcess;
  let second: ApiProcess;

  beforeAll(async () => {
    database = await createPostgresTestDatabase(POSTGRES_SERVER_URL);
    if (database.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    uploads = mkdtempSync(join(tmpdir(), 'helpdesk-cluster-uploads-'));
    mail = new MailCatcher();
    const env = {
      DATABASE_URL: database.config.url,
      UPLOAD_DIR: uploads,
      SMTP_URL: await mail.start(),
      SESSION_SECRET: 'a-secret-shared-by-every-instance-of-this-desk',
    };
    first = await ApiProcess.start(4411, env);
    second = await ApiProcess.start(4412, env);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await mail?.stop();
    await database?.drop();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('serves a ticket made through one instance from the other, with the same session', async () => {
    const user = await HttpClient.signIn(first.baseUrl, 'user@example.com', 'user123');
    const created = await user.request<Ticket>(first.baseUrl, 'POST', '/api/tickets', {
      subject: 'Shared desk',
      description: 'Made on the first instance',
    });

    const seen = await user.request<Ticket>(second.baseUrl, 'GET', `/api/tickets/${created.id}`);

    expect(seen).toEqual(created);
  });

  it('sends exactly one e-mail per recipient although both instances run the outbox', async () => {
    const admin = await HttpClient.signIn(second.baseUrl, 'admin@example.com', 'admin123');
    const user = await HttpClient.signIn(first.baseUrl, 'user@example.com', 'user123');
    const [agent] = await admin.request<[Agent]>(second.baseUrl, 'GET', '/api/agents');
    const ticket = await user.request<Ticket>(first.baseUrl, 'POST', '/api/tickets', {
      subject: 'Mail once',
      description: 'One comment, one e-mail',
    });
    await admin.request(second.baseUrl, 'POST', `/api/tickets/${ticket.id}/assign`, {
      assigneeId: agent.id,
    });

    await user.request(first.baseUrl, 'POST', `/api/tickets/${ticket.id}/comments`, {
      body: 'Any news?',
    });

    const commentMails = () =>
      mail.received.filter(
        (m) => m.subject === `[Helpdesk] New comment on [#${ticket.id}] Mail once`,
      );
    await waitFor(() => commentMails().length >= 1, 10_000);
    // Both senders poll every second: give the other one time to send a duplicate.
    await new Promise((wait) => setTimeout(wait, 3000));
    expect(commentMails()).toEqual([
      { to: ['agent@example.com'], subject: `[Helpdesk] New comment on [#${ticket.id}] Mail once` },
    ]);
  });

  it('tells a browser connected to one instance of a change made through the other', async () => {
    const user = await HttpClient.signIn(first.baseUrl, 'user@example.com', 'user123');
    const ticket = await user.request<Ticket>(first.baseUrl, 'POST', '/api/tickets', {
      subject: 'Live',
      description: 'Watch me',
    });
    const stream = await user.send(second.baseUrl, 'GET', '/api/events');
    if (!stream.body) throw new Error('The event stream has no body');
    const reader = stream.body.getReader();
    const heard = readEvents(reader);

    await new Promise((wait) => setTimeout(wait, 300));
    await user.request(first.baseUrl, 'POST', `/api/tickets/${ticket.id}/comments`, {
      body: 'Changed elsewhere',
    });

    await expect(heard).resolves.toContain(`"ticketId":${ticket.id}`);
    await reader.cancel();
  });
  it('automatic assignment is fair across instances: 100 tickets at once over 4 agents, 25 each', async () => {
    const admin = await HttpClient.signIn(first.baseUrl, 'admin@example.com', 'admin123');
    const user = await HttpClient.signIn(first.baseUrl, 'user@example.com', 'user123');
    for (const name of ['Rota Two', 'Rota Three', 'Rota Four']) {
      await admin.request(first.baseUrl, 'POST', '/api/users', {
        name,
        email: `${name.replace(' ', '.').toLowerCase()}@example.com`,
        password: 'secret-rota',
        role: 'agent',
      });
    }
    await admin.request(first.baseUrl, 'PATCH', '/api/settings', {
      assignment: { mode: 'round_robin' },
    });
    // Each instance reads the settings again within a second.
    await new Promise((wait) => setTimeout(wait, 1100));

    const tickets = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        user.request<Ticket>(index % 2 ? first.baseUrl : second.baseUrl, 'POST', '/api/tickets', {
          subject: `Rota ${index}`,
          description: 'Who gets me?',
        }),
      ),
    );

    const perAgent = new Map<string, number>();
    for (const ticket of tickets) {
      const name = ticket.assignee?.name ?? 'nobody';
      perAgent.set(name, (perAgent.get(name) ?? 0) + 1);
    }
    expect([...perAgent.keys()].sort()).toEqual([
      'Alex Agent',
      'Rota Four',
      'Rota Three',
      'Rota Two',
    ]);
    for (const count of perAgent.values()) expect(Math.abs(count - 25)).toBeLessThanOrEqual(1);
    await admin.request(first.baseUrl, 'PATCH', '/api/settings', {
      assignment: { mode: 'manual' },
    });
  });

  it('of two agents taking one pool ticket at once on two instances, exactly one wins', async () => {
    const admin = await HttpClient.signIn(first.baseUrl, 'admin@example.com', 'admin123');
    const user = await HttpClient.signIn(first.baseUrl, 'user@example.com', 'user123');
    const agents = [
      await HttpClient.signIn(first.baseUrl, 'agent@example.com', 'agent123'),
      await HttpClient.signIn(second.baseUrl, 'rota.two@example.com', 'secret-rota'),
    ] as const;
    await admin.request(first.baseUrl, 'PATCH', '/api/settings', {
      assignment: { mode: 'manual', agentsSeeUnassigned: true },
    });
    // Each instance trusts the settings it read for a second.
    await new Promise((wait) => setTimeout(wait, 1100));

    for (let round = 0; round < 5; round += 1) {
      const ticket = await user.request<Ticket>(first.baseUrl, 'POST', '/api/tickets', {
        subject: `Take me ${round}`,
        description: 'First come, first served',
      });
      const answers = await Promise.all([
        agents[0].send(first.baseUrl, 'POST', `/api/tickets/${ticket.id}/take`),
        agents[1].send(second.baseUrl, 'POST', `/api/tickets/${ticket.id}/take`),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    }
  });
});

async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 5000;
  while (!text.includes('ticket-changed') && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}
