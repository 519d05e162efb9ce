import type { Agent, Ticket } from '@helpdesk/shared/domain';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createPostgresTestDatabase, type TestDatabase } from '../test/support/test-database';
import { ApiProcess, BUILT_CLI } from './support/api-process';
import { HttpClient } from './support/http-client';
import { POSTGRES_SERVER_URL } from './support/wait';

const TABLES = [
  'users',
  'tickets',
  'comments',
  'ticket_history',
  'attachments',
  'mail_outbox',
  'canned_replies',
  'password_reset_tokens',
];
const SECRET = 'the-same-secret-before-and-after-the-move-of-the-desk';

describe('moving a desk from SQLite to PostgreSQL', () => {
  let folder: string;
  let sqliteFile: string;
  let target: TestDatabase;
  let ticketIds: number[];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'helpdesk-copy-'));
    sqliteFile = join(folder, 'desk.sqlite');
    target = await createPostgresTestDatabase(POSTGRES_SERVER_URL);
    const env = {
      DATABASE_URL: `sqlite:${sqliteFile}`,
      UPLOAD_DIR: join(folder, 'uploads'),
      SESSION_SECRET: SECRET,
    };
    const desk = await ApiProcess.start(4421, env);
    try {
      ticketIds = await fillDesk(desk.baseUrl);
    } finally {
      await desk.stop();
    }
  });

  afterAll(async () => {
    await target?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('copies every row, so counts and a sample of rows match', async () => {
    if (target.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    execFileSync(process.execPath, [
      BUILT_CLI,
      'db:copy',
      '--from',
      `sqlite:${sqliteFile}`,
      '--to',
      target.config.url,
    ]);

    const sqlite = new Database(sqliteFile, { readonly: true });
    const postgres = new Client({ connectionString: target.config.url });
    await postgres.connect();
    try {
      for (const table of TABLES) {
        const { count } = sqlite.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get() as {
          count: number;
        };
        const copied = await postgres.query(`SELECT COUNT(*)::int AS count FROM ${table}`);
        expect({ table, count: copied.rows[0].count }).toEqual({ table, count });
      }
      const sample = sqlite
        .prepare(
          'SELECT id, subject, description, status, priority, owner_id, assignee_id, rating_stars FROM tickets ORDER BY id',
        )
        .all();
      const copied = await postgres.query(
        'SELECT id, subject, description, status, priority, owner_id, assignee_id, rating_stars FROM tickets ORDER BY id',
      );
      expect(copied.rows).toEqual(sample);
    } finally {
      sqlite.close();
      await postgres.end();
    }
  });

  it('serves the same ticket pages from the copy as from the original', async () => {
    if (target.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    const pages = async (env: Record<string, string>, port: number) => {
      const api = await ApiProcess.start(port, {
        ...env,
        UPLOAD_DIR: join(folder, 'uploads'),
        SESSION_SECRET: SECRET,
      });
      try {
        const admin = await HttpClient.signIn(api.baseUrl, 'admin@example.com', 'admin123');
        const result = [];
        for (const id of ticketIds) {
          result.push(
            await Promise.all(
              ['', '/comments', '/history', '/attachments'].map((part) =>
                admin.request(api.baseUrl, 'GET', `/api/tickets/${id}${part}`),
              ),
            ),
          );
        }
        for (const q of ['printer', 'ünïcode', 'ÜNÏCODE', 'details ticket', 'unicode']) {
          const search = `/api/tickets?q=${encodeURIComponent(q)}&sort=priority`;
          result.push(await admin.request(api.baseUrl, 'GET', search));
        }
        return result;
      } finally {
        await api.stop();
      }
    };

    const original = await pages({ DATABASE_URL: `sqlite:${sqliteFile}` }, 4422);
    const copy = await pages({ DATABASE_URL: target.config.url }, 4423);

    expect(copy).toEqual(original);
  });
});

/** A small desk: tickets in every state, comments, an assignment, a rating, an attachment. */
async function fillDesk(baseUrl: string): Promise<number[]> {
  const admin = await HttpClient.signIn(baseUrl, 'admin@example.com', 'admin123');
  const user = await HttpClient.signIn(baseUrl, 'user@example.com', 'user123');
  const [agent] = await admin.request<[Agent]>(baseUrl, 'GET', '/api/agents');
  const ids: number[] = [];
  for (const [index, subject] of ['Printer on fire', 'VPN drops', 'Printer jams again'].entries()) {
    const ticket = await user.request<Ticket>(baseUrl, 'POST', '/api/tickets', {
      subject,
      description: `Details of ticket ${index}, with ünïcode`,
      priority: ['low', 'high', 'urgent'][index],
    });
    ids.push(ticket.id);
    await user.request(baseUrl, 'POST', `/api/tickets/${ticket.id}/comments`, {
      body: `Comment ${index}`,
    });
  }
  await admin.request(baseUrl, 'POST', `/api/tickets/${ids[0]}/assign`, { assigneeId: agent.id });
  await admin.request(baseUrl, 'PATCH', `/api/tickets/${ids[0]}`, { status: 'resolved' });
  await user.request(baseUrl, 'PUT', `/api/tickets/${ids[0]}/rating`, {
    stars: 4,
    feedback: 'Quick',
  });
  const form = new FormData();
  form.append('file', new Blob(['log line\n']), 'printer.log');
  await user.upload(baseUrl, `/api/tickets/${ids[1]}/attachments`, form);
  await admin.request(baseUrl, 'POST', '/api/canned-replies', {
    title: 'Restart',
    body: 'Hi {{requester.firstName}}, please restart it.',
  });
  await user.request(baseUrl, 'POST', '/api/auth/password-reset', { email: 'user@example.com' });
  return ids;
}
