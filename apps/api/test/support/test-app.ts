import type { Role, Ticket, User } from '@helpdesk/shared/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import request from 'supertest';
import type { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { HistoryEntity } from '../../src/app/ticket-core/history.entity';
import { TicketEntity } from '../../src/app/ticket-core/ticket.entity';
import { createApp } from '../../src/bootstrap';
import { createApiDocument } from '../../src/common/openapi/api-docs';
import type { AppConfig } from '../../src/config/app-config';
import { OpenApiContract } from './openapi-contract';
import { createTestDatabase, type TestDatabase } from './test-database';

export const DEMO = {
  admin: { email: 'admin@example.com', password: 'admin123' },
  agent: { email: 'agent@example.com', password: 'agent123' },
  user: { email: 'user@example.com', password: 'user123' },
} as const;

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const SESSION_COOKIE = 'hd_session';

export interface TestAppOptions {
  /** `smtp://127.0.0.1:<port>` to send mail to a test SMTP server; none by default. */
  smtpUrl?: string | null;
  /** The desk's mailbox and its settings (see MailPoller); no inbound mail by default. */
  mail?: Partial<Pick<AppConfig, 'imapUrl' | 'mailPollSeconds' | 'mailReplyAddress'>>;
  /** Another instance on the database of `shareDatabaseWith` (which keeps it and drops it). */
  shareDatabaseWith?: TestApp;
}

/** The value of a cookie among a response's `Set-Cookie` headers, or null. */
export function cookieFrom(response: request.Response, name: string): string | null {
  const header = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  for (const cookie of cookies) {
    const pair = cookie.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1));
  }
  return null;
}

/** The raw `Set-Cookie` header of one cookie, attributes included. */
export function setCookieHeader(response: request.Response, name: string): string | null {
  const header = response.headers['set-cookie'] as unknown as string[] | string | undefined;
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  return cookies.find((cookie) => cookie.startsWith(`${name}=`)) ?? null;
}

/**
 * A signed-in browser: keeps the cookies and, like Angular's HttpClient, echoes the
 * XSRF-TOKEN cookie in `X-XSRF-TOKEN` on every state-changing request.
 */
export class Session {
  constructor(
    /** The cookie-keeping client, for requests made without the CSRF header. */
    readonly agent: request.Agent,
    readonly user: { id: number; name: string; email: string; role: Role },
    readonly xsrfToken: string,
  ) {}

  get(url: string): request.Test {
    return this.agent.get(url);
  }

  post(url: string): request.Test {
    return this.agent.post(url).set('X-XSRF-TOKEN', this.xsrfToken);
  }

  put(url: string): request.Test {
    return this.agent.put(url).set('X-XSRF-TOKEN', this.xsrfToken);
  }

  patch(url: string): request.Test {
    return this.agent.patch(url).set('X-XSRF-TOKEN', this.xsrfToken);
  }

  delete(url: string): request.Test {
    return this.agent.delete(url).set('X-XSRF-TOKEN', this.xsrfToken);
  }

  /** Opens a ticket; fails the test unless the API answers 201. */
  async createTicket(
    fields: { subject?: string; description?: string; priority?: string; assigneeId?: number } = {},
  ): Promise<Ticket> {
    const response = await this.post('/api/tickets').send({
      subject: 'Printer on floor 3 is jammed',
      description: 'It shows error E42 and will not print.',
      ...fields,
    });
    expectStatus(response, 201);
    return response.body as Ticket;
  }
}

/** Like `.expect(status)`, but a failure shows the body that came back. */
export function expectStatus(response: request.Response, status: number): void {
  if (response.status !== status) {
    throw new Error(
      `Expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body ?? response.text)}`,
    );
  }
}

export interface Cast {
  admin: Session;
  agent: Session;
  user: Session;
  otherAgent: Session;
  otherUser: Session;
}

let userCounter = 0;

/** One running API over real HTTP, with its own database and upload folder. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const shared = options.shareDatabaseWith;
    const database: TestDatabase = shared
      ? { config: shared.config.database, drop: () => Promise.resolve() }
      : await createTestDatabase();
    const config: AppConfig = {
      port: 0,
      database: database.config,
      uploadDir: shared?.config.uploadDir ?? mkdtempSync(join(tmpdir(), 'helpdesk-e2e-uploads-')),
      smtpUrl: options.smtpUrl ?? null,
      mailFrom: 'Helpdesk <helpdesk@test.local>',
      sessionSecret: 'x'.repeat(48),
      webRoot: '/nonexistent',
      requestLogs: false,
      publicUrl: 'http://helpdesk.test',
      imapUrl: null,
      mailPollSeconds: 30,
      mailReplyAddress: 'support@test.local',
      ...options.mail,
    };
    const app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const testApp = new TestApp(app, config, database);
    testApp.sharesDatabase = shared !== undefined;
    return testApp;
  }

  get server(): Server {
    return this.app.getHttpServer() as Server;
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.dataSource.getRepository(entity);
  }

  /**
   * The people most rules are about: the three demo accounts, and another agent and user
   * who must not see what is not theirs.
   */
  async signInCast(): Promise<Cast> {
    return {
      admin: await this.signInDemo('admin'),
      agent: await this.signInDemo('agent'),
      user: await this.signInDemo('user'),
      otherAgent: await this.signInNew('agent', { name: 'Olga Other-Agent' }),
      otherUser: await this.signInNew('user', { name: 'Otto Other-User' }),
    };
  }

  /** A ticket as stored, to check what a request changed or left alone. */
  storedTicket(id: number): Promise<TicketEntity> {
    return this.repo(TicketEntity).findOneByOrFail({ id });
  }

  /** A ticket's audit trail as stored, oldest first. */
  storedHistory(ticketId: number): Promise<HistoryEntity[]> {
    return this.repo(HistoryEntity).find({ where: { ticketId }, order: { id: 'ASC' } });
  }

  /** A ticket of `owner`, assigned by `admin` to `agent`, then moved by the admin to `status`. */
  async ticketAssigned(
    { owner, admin, agent }: { owner: Session; admin: Session; agent: Session },
    status = 'open',
  ): Promise<Ticket> {
    const ticket = await owner.createTicket();
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    if (status !== 'open') {
      expectStatus(await admin.patch(`/api/tickets/${ticket.id}`).send({ status }), 200);
    }
    return ticket;
  }

  /**
   * Listens on a free loopback port (once) and gives its base URL, for tests that need a
   * real socket: raw or aborted requests, fetch-based clients.
   */
  async baseUrl(): Promise<string> {
    if (!this.listening) {
      await this.app.listen(0, '127.0.0.1');
      this.listening = true;
    }
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('Not listening on TCP');
    return `http://127.0.0.1:${address.port}`;
  }

  private listening = false;
  private sharesDatabase = false;

  private contractCache?: OpenApiContract;

  /**
   * The OpenAPI document this app serves at /api/docs-json. Every answer received by the
   * clients of `http()` and `signIn()` is checked against it, and a violation fails the test.
   */
  get contract(): OpenApiContract {
    this.contractCache ??= new OpenApiContract(
      JSON.parse(JSON.stringify(createApiDocument(this.app))) as OpenAPIV3.Document,
    );
    return this.contractCache;
  }

  /** A client with no cookies. */
  http(): request.Agent {
    return request.agent(this.server).use(this.contract.plugin);
  }

  async signIn(email: string, password: string): Promise<Session> {
    const agent = request.agent(this.server).use(this.contract.plugin);
    const response = await agent.post('/api/auth/login').send({ email, password });
    expectStatus(response, 200);
    const xsrf = cookieFrom(response, XSRF_COOKIE);
    if (!xsrf) throw new Error('The login response set no XSRF-TOKEN cookie');
    return new Session(agent, response.body.user, xsrf);
  }

  signInDemo(role: keyof typeof DEMO): Promise<Session> {
    return this.signIn(DEMO[role].email, DEMO[role].password);
  }

  /** Creates an account through the admin API. */
  async createUser(
    role: Role,
    fields: { name?: string; email?: string; password?: string } = {},
  ): Promise<{ user: User; password: string }> {
    const admin = await this.adminSession();
    userCounter += 1;
    const password = fields.password ?? `secret-${userCounter}`;
    const response = await admin.post('/api/users').send({
      name: fields.name ?? `${role.charAt(0).toUpperCase()}${role.slice(1)} ${userCounter}`,
      email: fields.email ?? `${role}${userCounter}@test.local`,
      password,
      role,
    });
    expectStatus(response, 201);
    return { user: response.body as User, password };
  }

  /** Creates an account and signs in with it. */
  async signInNew(role: Role, fields: { name?: string; email?: string } = {}): Promise<Session> {
    const { user, password } = await this.createUser(role, fields);
    return this.signIn(user.email, password);
  }

  /** The names of the files in the upload folder. */
  storedFiles(): string[] {
    return readdirSync(this.config.uploadDir);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
    if (!this.sharesDatabase) rmSync(this.config.uploadDir, { recursive: true, force: true });
  }

  private adminSessionPromise?: Promise<Session>;

  private adminSession(): Promise<Session> {
    this.adminSessionPromise ??= this.signInDemo('admin');
    return this.adminSessionPromise;
  }
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
