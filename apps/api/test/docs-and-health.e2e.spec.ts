import { TestApp, expectStatus } from './support/test-app';

/** Every method and path of API.md, with path parameters written as `{}`. */
const CONTRACT: [string, string][] = [
  ['post', '/api/auth/login'],
  ['post', '/api/auth/logout'],
  ['get', '/api/auth/me'],
  ['get', '/api/users'],
  ['post', '/api/users'],
  ['patch', '/api/users/{}'],
  ['delete', '/api/users/{}'],
  ['get', '/api/agents'],
  ['get', '/api/tickets'],
  ['post', '/api/tickets'],
  ['get', '/api/tickets/{}'],
  ['patch', '/api/tickets/{}'],
  ['post', '/api/tickets/{}/assign'],
  ['get', '/api/tickets/{}/comments'],
  ['post', '/api/tickets/{}/comments'],
  ['get', '/api/tickets/{}/history'],
  ['post', '/api/tickets/{}/attachments'],
  ['get', '/api/tickets/{}/attachments'],
  ['get', '/api/attachments/{}/content'],
  ['put', '/api/tickets/{}/rating'],
];

describe('API documentation and health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('GET /api/docs-json is an OpenAPI document describing every path of API.md, without signing in', async () => {
    const response = await t.http().get('/api/docs-json');
    expectStatus(response, 200);
    expect(response.body.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(
      response.body.paths as Record<string, object>,
    )) {
      for (const method of Object.keys(operations)) {
        documented.add(`${method} ${path.replace(/\{[^}]+\}/g, '{}')}`);
      }
    }
    const missing = CONTRACT.map(([method, path]) => `${method} ${path}`).filter(
      (op) => !documented.has(op),
    );
    expect(missing).toEqual([]);
  });

  it('the documented enumerations are the shared ones', async () => {
    const { body } = await t.http().get('/api/docs-json');
    const schemas = body.components.schemas as Record<string, { enum?: string[] }>;
    expect(schemas['Role']?.enum).toEqual(['user', 'agent', 'admin']);
    expect(schemas['TicketStatus']?.enum).toEqual(['open', 'in_progress', 'resolved', 'closed']);
    expect(schemas['Priority']?.enum).toEqual(['low', 'medium', 'high', 'urgent']);
  });

  it('GET /api/docs serves the Swagger UI', async () => {
    const response = await t.http().get('/api/docs').redirects(1);
    expectStatus(response, 200);
    expect(response.text).toMatch(/swagger/i);
  });

  it('GET /api/health answers 200 without signing in', async () => {
    const response = await t.http().get('/api/health');
    expectStatus(response, 200);
    expect(response.body.status).toBe('ok');
  });

  it('an unknown /api path is a JSON 404 in the error shape', async () => {
    const response = await t.http().get('/api/nothing-here');
    expectStatus(response, 404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.anything(),
    });
  });

  it('malformed JSON is 400, not 500', async () => {
    const session = await t.signInDemo('user');
    const response = await session
      .post('/api/tickets')
      .set('Content-Type', 'application/json')
      .send('{"subject": ');
    expectStatus(response, 400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('a JSON body over the body limit is 413, not 500', async () => {
    const session = await t.signInDemo('user');
    const response = await session
      .post('/api/tickets')
      .send({ subject: 'Big', description: 'd'.repeat(2 * 1024 * 1024) });
    expectStatus(response, 413);
  });
});
