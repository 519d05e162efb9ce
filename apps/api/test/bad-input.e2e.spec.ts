import { TicketEntity } from '../src/app/ticket-core/ticket.entity';
import { UserEntity } from '../src/app/users/user.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

/** A JSON text nested `depth` levels deep: `{"a":{"a":...}}`, about 6 KB at depth 1,000. */
function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('Bad input gets a 4xx with the error body, never a 500', () => {
  let t: TestApp;
  let admin: Session;
  let user: Session;
  let agent: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, user, agent } = await t.signInCast());
  }, 30_000);
  afterAll(() => t.close());

  const expectErrorBody = (body: unknown, statusCode: number) =>
    expect(body).toEqual({ statusCode, error: expect.any(String), message: expect.anything() });

  it.each(['status', 'priority', 'subject', 'description'])(
    'an owner sending {"%s": null} on their open ticket gets 400 and the ticket is unchanged',
    async (field) => {
      const ticket = await user.createTicket();
      const before = await t.storedTicket(ticket.id);
      const response = await user.patch(`/api/tickets/${ticket.id}`).send({ [field]: null });
      expectStatus(response, 400);
      expectErrorBody(response.body, 400);
      expect(await t.storedTicket(ticket.id)).toEqual(before);
    },
  );

  it('an admin creating a ticket with "assigneeId": null gets 400, not a ticket given to an agent', async () => {
    const before = await t.repo(TicketEntity).count();
    const response = await admin
      .post('/api/tickets')
      .send({ subject: 'Null assignee', description: 'Who takes it?', assigneeId: null });
    expectStatus(response, 400);
    expect(await t.repo(TicketEntity).count()).toBe(before);
  });

  it('an id past the integer columns (1e21, 2^31) is a 400 wherever an id is sent, never a 500', async () => {
    const ticket = await t.ticketAssigned({ owner: user, admin, agent });
    for (const assigneeId of [1e21, 2_147_483_648]) {
      expectStatus(await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId }), 400);
      expectStatus(
        await admin.post('/api/tickets').send({ subject: 'Big', description: 'id', assigneeId }),
        400,
      );
      expectStatus(await admin.get(`/api/tickets?assigneeId=${assigneeId}`), 400);
      expectStatus(
        await admin
          .post('/api/tickets/bulk')
          .send({ ids: [assigneeId], changes: { status: 'open' } }),
        400,
      );
    }
    expect((await t.storedTicket(ticket.id)).assigneeId).toBe(agent.user.id);
  });

  it('a null password on a user change is a 400 and the password still works', async () => {
    const { user: someone, password } = await t.createUser('user');
    const response = await admin.patch(`/api/users/${someone.id}`).send({ password: null });
    expectStatus(response, 400);
    await t.signIn(someone.email, password);
  });

  it('a lone surrogate in an e-mail address is invalid text: 400 and no user', async () => {
    const before = await t.repo(UserEntity).count();
    const response = await admin
      .post('/api/users')
      .set('Content-Type', 'application/json')
      .send(
        '{"name":"Lone","email":"lone\\ud800@example.com","password":"secret-1","role":"user"}',
      );
    expectStatus(response, 400);
    expectErrorBody(response.body, 400);
    expect(await t.repo(UserEntity).count()).toBe(before);
  });

  it('a lone surrogate anywhere in a JSON body is refused, a paired one is text', async () => {
    const ticket = await user.createTicket();
    const lone = await user
      .post(`/api/tickets/${ticket.id}/comments`)
      .set('Content-Type', 'application/json')
      .send('{"body":"half a smile \\udc00"}');
    expectStatus(lone, 400);
    const paired = await user
      .post(`/api/tickets/${ticket.id}/comments`)
      .set('Content-Type', 'application/json')
      .send('{"body":"a smile \\ud83d\\ude00"}');
    expectStatus(paired, 201);
    expect(paired.body.body).toBe('a smile 😀');
  });

  it.each([
    ['POST', '/api/tickets'],
    ['POST', '/api/users'],
    ['POST', '/api/auth/login'],
  ])('a JSON body nested 3,000 levels deep on %s %s is a 400', async (method, url) => {
    const session = url === '/api/users' ? admin : user;
    const call = method === 'POST' ? session.post(url) : session.patch(url);
    const response = await call.set('Content-Type', 'application/json').send(nestedJson(3000));
    expectStatus(response, 400);
    expectErrorBody(response.body, 400);
  });

  it('a deeply nested body on a ticket change is a 400 and changes nothing', async () => {
    const ticket = await user.createTicket();
    const before = await t.storedTicket(ticket.id);
    const response = await user
      .patch(`/api/tickets/${ticket.id}`)
      .set('Content-Type', 'application/json')
      .send(`{"subject":"Deep","x":${nestedJson(3000)}}`);
    expectStatus(response, 400);
    expect(await t.storedTicket(ticket.id)).toEqual(before);
  });

  it('brackets inside JSON strings do not count as nesting', async () => {
    const response = await user
      .post('/api/tickets')
      .send({ subject: '[[[[{{{{', description: '{'.repeat(5000) + '['.repeat(5000) });
    expectStatus(response, 201);
  });

  it('a body over 1 MiB is a 413', async () => {
    const response = await user
      .post('/api/tickets')
      .send({ subject: 'Big', description: 'x'.repeat(1024 * 1024) });
    expectStatus(response, 413);
    expectErrorBody(response.body, 413);
  });

  it.each([
    ['/api/tickets', '1e21'],
    ['/api/tickets', '9007199254740993'],
    ['/api/tickets', '1.5'],
    ['/api/tickets', '0x10'],
    ['/api/users', '1e21'],
    ['/api/users', '-1'],
  ])('GET %s?page=%s is a 400: paging numbers are safe whole numbers', async (url, page) => {
    const response = await admin.get(`${url}?page=${page}`);
    expectStatus(response, 400);
    expectErrorBody(response.body, 400);
  });

  it.each(['1e2', '100000000000000000000'])(
    'GET /api/tickets?pageSize=%s is a 400',
    async (pageSize) => {
      expectStatus(await admin.get(`/api/tickets?pageSize=${pageSize}`), 400);
    },
  );

  it('the largest page still answers with an empty page, the one past it is a 400', async () => {
    const last = await admin.get('/api/tickets?page=90071992547409&pageSize=100');
    expectStatus(last, 200);
    expect(last.body.items).toEqual([]);
    expectStatus(await admin.get('/api/tickets?page=90071992547410&pageSize=100'), 400);
  });

  describe('multipart uploads', () => {
    const upload = (ticketId: number) => user.post(`/api/tickets/${ticketId}/attachments`);

    it('multipart without a boundary is a 400', async () => {
      const ticket = await user.createTicket();
      const response = await upload(ticket.id)
        .set('Content-Type', 'multipart/form-data')
        .send(
          '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhi\r\n--x--',
        );
      expectStatus(response, 400);
      expectErrorBody(response.body, 400);
      expect(t.storedFiles()).toEqual([]);
    });

    it('a multipart body that ends in the middle of the file is a 400 and stores nothing', async () => {
      const ticket = await user.createTicket();
      const response = await upload(ticket.id)
        .set('Content-Type', 'multipart/form-data; boundary=XyZ')
        .send(
          '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\n' +
            'Content-Type: text/plain\r\n\r\nthe first half of the no',
        );
      expectStatus(response, 400);
      expectErrorBody(response.body, 400);
      expect(t.storedFiles()).toEqual([]);
    });

    it('a multipart body cut inside the part headers is a 400', async () => {
      const ticket = await user.createTicket();
      const response = await upload(ticket.id)
        .set('Content-Type', 'multipart/form-data; boundary=XyZ')
        .send('--XyZ\r\nContent-Disposition: form-da');
      expectStatus(response, 400);
    });

    it('a "file" part without a filename is refused with a 4xx and stores nothing', async () => {
      const ticket = await user.createTicket();
      const response = await upload(ticket.id)
        .set('Content-Type', 'multipart/form-data; boundary=XyZ')
        .send(
          '--XyZ\r\nContent-Disposition: form-data; name="file"\r\n\r\nplain words\r\n--XyZ--\r\n',
        );
      expect([400, 415]).toContain(response.status);
      expectErrorBody(response.body, response.status);
      expect(t.storedFiles()).toEqual([]);
    });

    it('a "file" part with an empty filename is refused with a 415', async () => {
      const ticket = await user.createTicket();
      const response = await upload(ticket.id).attach('file', Buffer.from('plain words'), {
        filename: '',
        contentType: 'text/plain',
      });
      expect([400, 415]).toContain(response.status);
      expect(t.storedFiles()).toEqual([]);
    });

    it('an unknown content type is a 415', async () => {
      const ticket = await user.createTicket();
      const response = await upload(ticket.id)
        .set('Content-Type', 'application/x-made-up')
        .send('bytes');
      expectStatus(response, 415);
      expectErrorBody(response.body, 415);
    });
  });

  it('malformed JSON is a 400 with the error body', async () => {
    const response = await user
      .post('/api/tickets')
      .set('Content-Type', 'application/json')
      .send('{"subject": "broken",');
    expectStatus(response, 400);
    expectErrorBody(response.body, 400);
  });
});
