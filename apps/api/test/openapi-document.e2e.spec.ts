import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAPISchemaValidator from 'openapi-schema-validator';
import type { OpenAPIV3 } from 'openapi-types';
import type { Response } from 'supertest';
import * as ts from 'typescript';
import { type Session, TestApp, expectStatus } from './support/test-app';

type Document = OpenAPIV3.Document;
type Operation = OpenAPIV3.OperationObject;

const WORKSPACE = join(__dirname, '../../..');

function operations(document: Document): [string, Operation][] {
  const found: [string, Operation][] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item?.[method];
      if (operation) found.push([`${method.toUpperCase()} ${path}`, operation]);
    }
  }
  return found;
}

/**
 * The OpenAPI document at /api/docs-json must tell the truth: every suite checks each answer
 * it receives against it (see `OpenApiContract`); these tests check the document itself and
 * that a client generated from it is typed right.
 */
describe('The OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  let admin: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    const response = await t.http().get('/api/docs-json');
    expectStatus(response, 200);
    document = response.body as Document;
    admin = await t.signInDemo('admin');
  }, 30_000);
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.0 document', () => {
    const { errors } = new OpenAPISchemaValidator({ version: 3 }).validate(document);
    expect(errors).toEqual([]);
    expect(document.openapi).toMatch(/^3\.0\./);
  });

  it('has no empty "Object" schema standing in for a type', () => {
    expect(JSON.stringify(document)).not.toContain('#/components/schemas/Object');
    expect(document.components?.schemas?.['Object']).toBeUndefined();
  });

  it('types the paging and filter query parameters', () => {
    const parameters = (document.paths['/api/tickets']?.get?.parameters ??
      []) as OpenAPIV3.ParameterObject[];
    const schemaOf = (name: string) =>
      parameters.find((parameter) => parameter.name === name)?.schema;
    expect(schemaOf('page')).toMatchObject({ type: 'integer', minimum: 1 });
    expect(schemaOf('pageSize')).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(schemaOf('assigneeId')).toEqual({
      oneOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', enum: ['none'] },
      ],
    });
  });

  it('lists for every operation the errors it can give, each with the error schema', () => {
    const missing: string[] = [];
    for (const [name, operation] of operations(document)) {
      const codes = Object.keys(operation.responses);
      const expected = ['500'];
      if (operation.security?.length) expected.push('401');
      if (/^(POST|PUT|PATCH|DELETE) /.test(name)) expected.push('400', '413', '415');
      if (name.includes('{')) expected.push('400', '404');
      for (const code of expected) if (!codes.includes(code)) missing.push(`${name} ${code}`);
      for (const [code, response] of Object.entries(operation.responses)) {
        if (Number(code) < 400) continue;
        const schema = (response as OpenAPIV3.ResponseObject).content?.['application/json']?.schema;
        // Ours are ApiErrorDto; the health check's 503 is terminus's own report.
        const ours = schema && '$ref' in schema && schema.$ref.endsWith('/ApiErrorDto');
        if (!ours && !(name === 'GET /api/health' && code === '503')) {
          missing.push(`${name} ${code} error schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('sign-in documents its refusals: cross-site 403, non-JSON 415, throttled 429', () => {
    const codes = Object.keys(document.paths['/api/auth/login']?.post?.responses ?? {});
    expect(codes).toEqual(expect.arrayContaining(['200', '400', '401', '403', '415', '429']));
    expect(document.paths['/api/auth/login']?.post?.security).toBeUndefined();
  });

  describe('its response schemas are checked against real answers', () => {
    const answer = (status: number, body: unknown) =>
      ({ status, body, headers: { 'content-type': 'application/json' } }) as unknown as Response;

    it('a ticket answer with a null assignee and rating matches, and so does one with both', async () => {
      const ticket = await admin.createTicket();
      const unassigned = await admin.get(`/api/tickets/${ticket.id}`);
      expect(unassigned.body).toMatchObject({ assignee: null, rating: null });
      expect(t.contract.check('GET', `/api/tickets/${ticket.id}`, unassigned)).toBeNull();
      const withBoth = {
        ...unassigned.body,
        assignee: { id: 2, name: 'A' },
        rating: { stars: 4, feedback: null },
      };
      expect(t.contract.check('GET', '/api/tickets/1', answer(200, withBoth))).toBeNull();
    });

    it('a wrong answer is caught: an undocumented status, a wrong type, a malformed error', async () => {
      const ticket = (await admin.get('/api/tickets?pageSize=1')).body.items[0];
      expect(t.contract.check('GET', '/api/tickets/1', answer(418, {}))?.problem).toMatch(
        /not documented/,
      );
      expect(
        t.contract.check(
          'GET',
          '/api/tickets?page=1',
          answer(200, {
            items: [{ ...ticket, assignee: 'Alex' }],
            total: 1,
            page: 1,
            pageSize: 25,
            totalCapped: false,
          }),
        ),
      ).not.toBeNull();
      expect(t.contract.check('GET', '/api/tickets/1', answer(404, { error: 'x' }))).not.toBeNull();
    });
  });

  it('generates a typed client (openapi-typescript + openapi-fetch) that compiles, nulls included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'helpdesk-openapi-client-'));
    try {
      writeFileSync(join(folder, 'openapi.json'), JSON.stringify(document));
      execFileSync(
        process.execPath,
        [
          join(WORKSPACE, 'node_modules/openapi-typescript/bin/cli.js'),
          join(folder, 'openapi.json'),
          '--output',
          join(folder, 'helpdesk-api.ts'),
        ],
        { stdio: 'pipe' },
      );
      writeFileSync(join(folder, 'program.ts'), CLIENT_PROGRAM);
      const program = ts.createProgram([join(folder, 'program.ts')], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        noUncheckedIndexedAccess: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: [],
        typeRoots: [join(WORKSPACE, 'node_modules/@types')],
        baseUrl: WORKSPACE,
        paths: { 'openapi-fetch': [join(WORKSPACE, 'node_modules/openapi-fetch')] },
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * A small program against the generated types. The `@ts-expect-error` lines are the point:
 * they compile only while the document says what the API does (a nullable assignee, typed
 * query parameters, the error body on a 404).
 */
const CLIENT_PROGRAM = `
import createClient from 'openapi-fetch';
import type { components, paths } from './helpdesk-api';

type Ticket = components['schemas']['TicketDto'];
const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });

export function assigneeName(ticket: Ticket): string {
  // @ts-expect-error the assignee may be null
  const unchecked: string = ticket.assignee.name;
  void unchecked;
  return ticket.assignee === null ? 'Unassigned' : ticket.assignee.name;
}

export function stars(ticket: Ticket): number | null {
  // @ts-expect-error the rating may be null
  void ticket.rating.stars;
  return ticket.rating?.stars ?? null;
}

export async function openUnassigned(): Promise<number[]> {
  const { data, error } = await client.GET('/api/tickets', {
    params: { query: { page: 1, pageSize: 25, assigneeId: 'none', status: ['open'] } },
  });
  if (error) {
    const status: number = error.statusCode;
    const message: string | string[] = error.message;
    void status;
    void message;
    return [];
  }
  return data.items.map((item) => item.id);
}

export async function wrongQueries(): Promise<void> {
  // @ts-expect-error page is a number
  await client.GET('/api/tickets', { params: { query: { page: 'two' } } });
  // @ts-expect-error assigneeId is an id or "none"
  await client.GET('/api/tickets', { params: { query: { assigneeId: 'nobody' } } });
}

export async function missingTicket(id: number): Promise<string | null> {
  const { error } = await client.GET('/api/tickets/{id}', { params: { path: { id } } });
  return error ? error.error : null;
}
`;
