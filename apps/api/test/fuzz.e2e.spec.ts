import fc from 'fast-check';
import type { OpenAPIV3 } from 'openapi-types';
import { SchemaArbitraries } from './support/schema-arbitraries';
import { type Session, TestApp } from './support/test-app';

type Operation = OpenAPIV3.OperationObject;

/** Not fuzzed: sign-in and password reset count failures and send mail by design. */
const LEFT_OUT = /^\/api\/auth\/(login|logout|password-reset)/;
/** Written by work after a request has been answered, or by every request: not compared. */
const VOLATILE_TABLES = /session|outbox|login_failure|mail|migrations/;
/** Runs per operation: about 1,500 requests in all, well under a minute on SQLite. */
const RUNS_PER_OPERATION = Number(process.env['HELPDESK_FUZZ_RUNS'] ?? 100);

interface Target {
  name: string;
  method: string;
  path: string;
  operation: Operation;
}

interface FuzzRequest {
  who: 'admin' | 'agent' | 'user';
  valid: boolean;
  body?: unknown;
  query?: Record<string, unknown>;
}

/**
 * Property: whatever a signed-in person sends to an operation that takes input — values
 * its OpenAPI schema admits or refuses — the API never answers 5xx, and a 4xx leaves every
 * table as it was. Bodies and query strings come from the served document's schemas, so
 * a new field is fuzzed as soon as it is documented. Every answer is also checked against
 * the document by the test support.
 */
describe('Fuzzing every operation from its OpenAPI schema', () => {
  let t: TestApp;
  let sessions: Record<FuzzRequest['who'], Session>;
  let document: OpenAPIV3.Document;
  let schemas: SchemaArbitraries;
  const fixtures = new Map<string, number>();
  const tally = { requests: 0, ok: 0, refused: 0, serverErrors: 0 };

  beforeAll(async () => {
    t = await TestApp.start();
    const { admin, agent, user } = await t.signInCast();
    sessions = { admin, agent, user };
    document = (await t.http().get('/api/docs-json')).body as OpenAPIV3.Document;
    schemas = new SchemaArbitraries(document);
  }, 30_000);
  afterAll(async () => {
    console.log(
      `fuzz: ${tally.requests} requests tried, ${tally.ok} 2xx, ${tally.refused} 4xx, ` +
        `${tally.serverErrors} 5xx; OpenAPI document violations: ${t.contract.violations.length}`,
    );
    await t.close();
  });

  function targets(): Target[] {
    const found: Target[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      if (LEFT_OUT.test(path)) continue;
      for (const method of ['get', 'post', 'put', 'patch'] as const) {
        const operation = item?.[method];
        if (!operation || !takesInput(operation)) continue;
        found.push({ name: `${method.toUpperCase()} ${path}`, method, path, operation });
      }
    }
    return found;
  }

  /** Every row of every table, less the volatile ones, by table. */
  async function state(): Promise<Map<string, string>> {
    const tables = t.dataSource.entityMetadatas
      .map((metadata) => metadata.tableName)
      .filter((table) => !VOLATILE_TABLES.test(table));
    const rows = await Promise.all(
      tables.map((table) => t.dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`)),
    );
    return new Map(tables.map((table, index) => [table, JSON.stringify(rows[index])]));
  }

  function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...before].filter(([table, rows]) => after.get(table) !== rows).map(([table]) => table);
  }

  /** An id of a row to aim path parameters at: made once per collection with a valid body. */
  async function fixtureId(path: string): Promise<number> {
    const collection = path.replace(/\/\{[^}]+\}.*$/, '');
    const known = fixtures.get(collection);
    if (known !== undefined) return known;
    const create = document.paths[collection]?.post;
    const schema = create?.requestBody && requestSchema(create);
    if (!schema) throw new Error(`No way to make a ${collection} to aim at`);
    for (const body of fc.sample(schemas.valid(schema), 50)) {
      const response = await sessions.admin.post(collection).send(body as object);
      if (response.status === 201) {
        fixtures.set(collection, response.body.id as number);
        return response.body.id as number;
      }
    }
    throw new Error(`No valid ${collection} could be made`);
  }

  function requests(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const who = fc.constantFrom<FuzzRequest['who']>('admin', 'agent', 'user');
    const body = operation.requestBody ? requestSchema(operation) : undefined;
    const query = ((operation.parameters ?? []) as OpenAPIV3.ParameterObject[]).filter(
      (parameter) => parameter.in === 'query',
    );
    const queryOf = (valid: boolean) =>
      fc.record(
        Object.fromEntries(
          query.map((parameter) => {
            const schema = parameter.schema ?? {};
            return [parameter.name, valid ? schemas.valid(schema) : schemas.invalid(schema)];
          }),
        ),
        { requiredKeys: [] },
      );
    return fc.boolean().chain((valid) =>
      fc.record({
        who,
        valid: fc.constant(valid),
        ...(body ? { body: valid ? schemas.valid(body) : schemas.invalid(body) } : {}),
        ...(query.length > 0 ? { query: queryOf(valid) } : {}),
      }),
    );
  }

  /** The operation's path with fixtures' ids for its parameters, made before measuring. */
  async function pathOf(target: Target): Promise<string> {
    let url = target.path;
    for (const name of target.path.match(/\{[^}]+\}/g) ?? []) {
      url = url.replace(
        name,
        String(await fixtureId(target.path.slice(0, target.path.indexOf(name) + name.length))),
      );
    }
    return url;
  }

  function send(target: Target, path: string, request: FuzzRequest) {
    const url = request.query ? `${path}?${queryString(request.query)}` : path;
    const session = sessions[request.who];
    return target.method === 'get'
      ? session.get(url)
      : session[target.method as 'post' | 'put' | 'patch'](url)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(request.body ?? {}));
  }

  it('never answers 5xx, and leaves the data unchanged on a 4xx', async () => {
    const fuzzed = targets();
    expect(fuzzed.length).toBeGreaterThan(5);
    for (const target of fuzzed) {
      const path = await pathOf(target);
      await fc.assert(
        fc.asyncProperty(requests(target.operation), async (request) => {
          const before = await state();
          const response = await send(target, path, request);
          tally.requests += 1;
          if (response.status < 400) tally.ok += 1;
          else if (response.status < 500) tally.refused += 1;
          else {
            tally.serverErrors += 1;
            throw new Error(`${target.name} answered ${response.status}: ${response.text}`);
          }
          const changed = response.status >= 400 ? changedTables(before, await state()) : [];
          if (changed.length > 0) {
            throw new Error(
              `${target.name} answered ${response.status} (${response.text}) but changed ${changed.join(', ')}`,
            );
          }
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    expect(tally.serverErrors).toBe(0);
    expect(t.contract.violations).toEqual([]);
  }, 180_000);
});

function takesInput(operation: Operation): boolean {
  const hasQuery = (operation.parameters ?? []).some(
    (parameter) => 'in' in parameter && parameter.in === 'query',
  );
  return hasQuery || requestSchema(operation) !== undefined;
}

function requestSchema(
  operation: Operation,
): OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined {
  const body = operation.requestBody;
  if (!body || '$ref' in body) return undefined;
  return body.content['application/json']?.schema;
}

/** `a=1&b=x&b=y`: arrays repeat the key, other values are written as JSON would. */
function queryString(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = typeof item === 'string' ? item : JSON.stringify(item);
      pairs.push(`${encodeURIComponent(key)}=${percentEncode(text ?? '')}`);
    }
  }
  return pairs.join('&');
}

/** Percent-encoding; a lone surrogate, which UTF-8 cannot carry, is sent as its WTF-8 bytes. */
function percentEncode(text: string): string {
  return encodeURIComponent(text.replace(/\p{Surrogate}/gu, '\ufffd')).replace(
    /%EF%BF%BD/g,
    '%ED%A0%80',
  );
}
