import type { Attachment } from '@helpdesk/shared/domain';
import { ATTACHMENT_MAX_BYTES } from '@helpdesk/shared/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';
import { AttachmentEntity } from '../src/app/attachments/attachment.entity';
import { HistoryEntity } from '../src/app/ticket-core/history.entity';
import { pdfDocument, pngImage, zipArchive } from './support/sample-files';
import { type Session, TestApp, expectStatus } from './support/test-app';

/** Collects a download's bytes as a Buffer, whatever its content type. */
function binary(test: request.Test): request.Test {
  return test.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

describe('Attachments', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let otherAgent: Session;
  let user: Session;
  let otherUser: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    ({ admin, agent, user, otherAgent, otherUser } = await t.signInCast());
  });
  afterAll(() => t.close());

  const upload = (who: Session, ticketId: number, bytes: Buffer, filename: string) =>
    who.post(`/api/tickets/${ticketId}/attachments`).attach('file', bytes, filename);

  async function assignedTicket() {
    const ticket = await user.createTicket();
    expectStatus(
      await admin.post(`/api/tickets/${ticket.id}/assign`).send({ assigneeId: agent.user.id }),
      200,
    );
    return ticket;
  }

  describe('accepted files', () => {
    it.each([
      ['a PNG image', 'screenshot.png', pngImage, 'image/png'],
      ['a PDF', 'invoice.pdf', pdfDocument, 'application/pdf'],
      ['a zip archive', 'logs.zip', () => zipArchive(), 'application/zip'],
      [
        'a text log',
        'server.log',
        () => Buffer.from('2026-01-01 ERROR boom\n'),
        'text/plain; charset=utf-8',
      ],
    ])(
      '%s: 201 with its fields, one row, one server-named file with the same bytes',
      async (_, name, make, type) => {
        const bytes = make();
        const ticket = await user.createTicket();
        const before = new Set(t.storedFiles());

        const response = await upload(user, ticket.id, bytes, name);

        expectStatus(response, 201);
        expect(response.body).toEqual({
          id: expect.any(Number),
          filename: name,
          size: bytes.length,
          contentType: type,
          uploadedBy: { id: user.user.id, name: 'Uma User' },
          createdAt: expect.stringMatching(/Z$/),
        });
        const row = await t.repo(AttachmentEntity).findOneByOrFail({ id: response.body.id });
        expect(row).toMatchObject({
          ticketId: ticket.id,
          filename: name,
          size: bytes.length,
          uploadedById: user.user.id,
        });
        expect(row.storageKey).not.toContain(name);
        const added = t.storedFiles().filter((file) => !before.has(file));
        expect(added).toEqual([row.storageKey]);
        expect(readFileSync(join(t.config.uploadDir, row.storageKey)).equals(bytes)).toBe(true);
      },
    );

    it('the download gives identical bytes, as an attachment with the original name, with nosniff', async () => {
      const ticket = await user.createTicket();
      const bytes = pngImage();
      const uploaded = await upload(user, ticket.id, bytes, 'café screen.png');
      expectStatus(uploaded, 201);

      const response = await binary(user.get(`/api/attachments/${uploaded.body.id}/content`));
      expectStatus(response, 200);
      expect(Buffer.isBuffer(response.body)).toBe(true);
      expect((response.body as Buffer).equals(bytes)).toBe(true);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const disposition = response.headers['content-disposition'];
      expect(disposition).toMatch(/^attachment;/);
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('café screen.png')}`);
    });

    it('the list of a ticket shows its attachments to whoever can see it', async () => {
      const ticket = await assignedTicket();
      expectStatus(await upload(user, ticket.id, pdfDocument(), 'a.pdf'), 201);
      expectStatus(await upload(agent, ticket.id, Buffer.from('notes'), 'b.txt'), 201);
      for (const who of [user, agent, admin]) {
        const response = await who.get(`/api/tickets/${ticket.id}/attachments`);
        expectStatus(response, 200);
        expect(response.body.map((a: Attachment) => a.filename)).toEqual(['a.pdf', 'b.txt']);
      }
      expect(
        await t.repo(HistoryEntity).countBy({ ticketId: ticket.id, action: 'attachment_added' }),
      ).toBe(2);
    });
  });

  describe('file names', () => {
    it('a path-traversal name is kept as its base name only, and the file on disk has a server-made name', async () => {
      const ticket = await user.createTicket();
      const before = new Set(t.storedFiles());
      const response = await upload(
        user,
        ticket.id,
        Buffer.from('root:x:0:0\n'),
        '../../etc/passwd.txt',
      );
      expectStatus(response, 201);
      expect(response.body.filename).toBe('passwd.txt');
      const row = await t.repo(AttachmentEntity).findOneByOrFail({ id: response.body.id });
      expect(row.filename).toBe('passwd.txt');
      expect(row.storageKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(t.storedFiles().filter((file) => !before.has(file))).toEqual([row.storageKey]);
    });

    it('Windows directories and control characters are dropped from the display name', async () => {
      const ticket = await user.createTicket();
      const response = await upload(
        user,
        ticket.id,
        Buffer.from('hi'),
        'C:\\Users\\me\\re\u0007port\u001b.txt',
      );
      expectStatus(response, 201);
      expect(response.body.filename).toBe('report.txt');
    });
  });

  describe('refused files', () => {
    async function expectNothingStored(ticketId: number, filesBefore: Set<string>) {
      expect(await t.repo(AttachmentEntity).countBy({ ticketId })).toBe(0);
      expect(await t.repo(HistoryEntity).countBy({ ticketId, action: 'attachment_added' })).toBe(0);
      expect(t.storedFiles().filter((file) => !filesBefore.has(file))).toEqual([]);
    }

    it.each([
      ['a .png whose bytes are text', 'innocent.png', Buffer.from('<script>alert(1)</script>')],
      ['an .exe', 'setup.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')],
      ['an .html page', 'page.html', Buffer.from('<html><body>hi</body></html>')],
      ['a PNG renamed to .pdf', 'image.pdf', pngImage()],
      ['a binary renamed to .txt', 'binary.txt', Buffer.from([0x00, 0x01, 0x02, 0xff])],
      ['a file without extension', 'README', Buffer.from('text')],
    ])('%s is 415 and nothing is stored', async (_, name, bytes) => {
      const ticket = await user.createTicket();
      const before = new Set(t.storedFiles());
      const response = await upload(user, ticket.id, bytes, name);
      expectStatus(response, 415);
      expect(response.body).toEqual({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: expect.any(String),
      });
      await expectNothingStored(ticket.id, before);
    });

    it('a file over 16 MiB is 413, with no row and no leftover file', async () => {
      const ticket = await user.createTicket();
      const before = new Set(t.storedFiles());
      const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 'a');
      const response = await upload(user, ticket.id, big, 'huge.txt');
      expectStatus(response, 413);
      expect(response.body).toMatchObject({ statusCode: 413 });
      await expectNothingStored(ticket.id, before);
    });

    it('a file of exactly 16 MiB is accepted', async () => {
      const ticket = await user.createTicket();
      const response = await upload(
        user,
        ticket.id,
        Buffer.alloc(ATTACHMENT_MAX_BYTES, 'a'),
        'max.txt',
      );
      expectStatus(response, 201);
      expect(response.body.size).toBe(ATTACHMENT_MAX_BYTES);
    });

    it('an empty file is 400 and leaves nothing', async () => {
      const ticket = await user.createTicket();
      const before = new Set(t.storedFiles());
      expectStatus(await upload(user, ticket.id, Buffer.alloc(0), 'empty.txt'), 400);
      await expectNothingStored(ticket.id, before);
    });

    it('a JSON body or a wrong field name is 400', async () => {
      const ticket = await user.createTicket();
      expectStatus(
        await user.post(`/api/tickets/${ticket.id}/attachments`).send({ file: 'x' }),
        400,
      );
      expectStatus(
        await user
          .post(`/api/tickets/${ticket.id}/attachments`)
          .attach('document', Buffer.from('x'), 'a.txt'),
        400,
      );
    });

    it('uploading needs the CSRF header like any other change', async () => {
      const ticket = await user.createTicket();
      const response = await user.agent
        .post(`/api/tickets/${ticket.id}/attachments`)
        .attach('file', Buffer.from('x'), 'a.txt');
      expectStatus(response, 403);
      expect(await t.repo(AttachmentEntity).countBy({ ticketId: ticket.id })).toBe(0);
    });
  });

  describe('who may see attachments', () => {
    it.each([
      ['another user', () => otherUser],
      ['an agent not assigned', () => otherAgent],
    ])(
      '%s gets 404 for the list, the upload and the download of a ticket they cannot see',
      async (_, who) => {
        const ticket = await assignedTicket();
        const uploaded = await upload(user, ticket.id, Buffer.from('private'), 'private.txt');
        expectStatus(uploaded, 201);
        const before = new Set(t.storedFiles());

        expectStatus(await who().get(`/api/tickets/${ticket.id}/attachments`), 404);
        expectStatus(await upload(who(), ticket.id, Buffer.from('intruder'), 'x.txt'), 404);
        const download = await who().get(`/api/attachments/${uploaded.body.id}/content`);
        const missing = await who().get('/api/attachments/999999/content');
        expectStatus(download, 404);
        expectStatus(missing, 404);
        expect(download.body).toEqual(missing.body);
        expect(await t.repo(AttachmentEntity).countBy({ ticketId: ticket.id })).toBe(1);
        expect(t.storedFiles().filter((file) => !before.has(file))).toEqual([]);
      },
    );

    it('the assigned agent and an admin may download', async () => {
      const ticket = await assignedTicket();
      const uploaded = await upload(user, ticket.id, Buffer.from('shared'), 'shared.txt');
      for (const who of [agent, admin]) {
        const response = await binary(who.get(`/api/attachments/${uploaded.body.id}/content`));
        expectStatus(response, 200);
        expect((response.body as Buffer).toString()).toBe('shared');
      }
    });

    it('a download id that is not a number is 400', async () => {
      expectStatus(await user.get('/api/attachments/abc/content'), 400);
    });
  });
});
