import { request as httpRequest } from 'node:http';
import { AttachmentEntity } from '../src/app/attachments/attachment.entity';
import {
  DEMO,
  SESSION_COOKIE,
  type Session,
  TestApp,
  XSRF_COOKIE,
  cookieFrom,
  eventually,
  expectStatus,
  setCookieHeader,
} from './support/test-app';

const ROUNDS = 50;
const BOUNDARY = 'helpdesk-test-boundary';

/** The opening of a multipart body whose `file` part is a text file, its bytes not yet sent. */
function partOpening(filename: string): string {
  return (
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    'Content-Type: text/plain\r\n\r\n'
  );
}

/**
 * Uploads whose request never completes: the client aborts halfway, or the body ends before
 * its closing boundary. Each must leave no file in UPLOAD_DIR (not even an empty one, as 5 of
 * 200 did) and no attachment row.
 */
describe('A failed upload leaves nothing behind', () => {
  let t: TestApp;
  let user: Session;
  let baseUrl: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await TestApp.start();
    baseUrl = await t.baseUrl();
    user = await t.signInDemo('user');
    const login = await t.http().post('/api/auth/login').send(DEMO.user);
    expectStatus(login, 200);
    const cookie = [SESSION_COOKIE, XSRF_COOKIE]
      .map((name) => setCookieHeader(login, name)?.split(';')[0])
      .join('; ');
    headers = {
      Cookie: cookie,
      'X-XSRF-TOKEN': cookieFrom(login, XSRF_COOKIE) ?? '',
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
    };
  }, 30_000);
  afterAll(() => t.close());

  /** Sends `body` declaring `declaredLength` bytes; aborts after `abortAfterMs`, or ends. */
  function rawUpload(
    ticketId: number,
    body: Buffer,
    { declaredLength, abortAfterMs }: { declaredLength: number; abortAfterMs?: number },
  ): Promise<number | 'aborted'> {
    return new Promise((resolve) => {
      const call = httpRequest(`${baseUrl}/api/tickets/${ticketId}/attachments`, {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(declaredLength) },
      });
      call.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      call.on('error', () => resolve('aborted'));
      call.write(body);
      if (abortAfterMs === undefined) {
        call.end();
      } else {
        setTimeout(() => call.destroy(), abortAfterMs);
      }
    });
  }

  const leftovers = () => t.storedFiles();
  const storedAttachments = (ticketId: number) => t.repo(AttachmentEntity).countBy({ ticketId });

  it(`${ROUNDS} uploads aborted by the client mid-file leave no file and no row`, async () => {
    const ticket = await user.createTicket();
    const content = Buffer.alloc(256 * 1024, 'log line\n');
    for (let round = 0; round < ROUNDS; round += 1) {
      const sent = Buffer.concat([
        Buffer.from(partOpening(`aborted-${round}.log`)),
        content.subarray(0, [0, 1, 100, 8192, 65536][round % 5]),
      ]);
      await rawUpload(ticket.id, sent, {
        declaredLength: sent.length + content.length,
        abortAfterMs: round % 7,
      });
    }
    await eventually(() => leftovers().length === 0, 10_000).catch(() => undefined);
    expect(leftovers()).toEqual([]);
    expect(await storedAttachments(ticket.id)).toBe(0);
  }, 30_000);

  it(`${ROUNDS} multipart bodies that end mid-file are 400s and leave no file and no row`, async () => {
    const ticket = await user.createTicket();
    const statuses = new Set<number | 'aborted'>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const sent = Buffer.concat([
        Buffer.from(partOpening(`truncated-${round}.txt`)),
        Buffer.alloc(512 * (1 + round), 'plain text '),
      ]);
      statuses.add(await rawUpload(ticket.id, sent, { declaredLength: sent.length }));
    }
    expect([...statuses]).toEqual([400]);
    expect(leftovers()).toEqual([]);
    expect(await storedAttachments(ticket.id)).toBe(0);
  }, 30_000);

  it('after all that, a complete upload is stored as one file and one row', async () => {
    const ticket = await user.createTicket();
    const response = await user
      .post(`/api/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('all of it\n'), 'complete.txt');
    expectStatus(response, 201);
    expect(leftovers()).toHaveLength(1);
    expect(await storedAttachments(ticket.id)).toBe(1);
  });
});
