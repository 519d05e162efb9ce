import { AttachmentEntity } from '../src/app/attachments/attachment.entity';
import { type Session, TestApp, expectStatus } from './support/test-app';

/** Names shown to people must read as what the file is: no text reordering. */
describe('Attachment display names', () => {
  let t: TestApp;
  let user: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    user = await t.signInDemo('user');
  });
  afterAll(() => t.close());

  async function uploadNamed(filename: string) {
    const ticket = await user.createTicket();
    const response = await user
      .post(`/api/tickets/${ticket.id}/attachments`)
      .attach('file', Buffer.from('plain words\n'), filename);
    return { ticket, response };
  }

  it('a right-to-left override cannot disguise a text file as an image (photo‮gnp.txt)', async () => {
    const { ticket, response } = await uploadNamed('photo\u202egnp.txt');
    expectStatus(response, 201);
    expect(response.body.filename).toBe('photognp.txt');
    const stored = await t.repo(AttachmentEntity).findOneByOrFail({ id: response.body.id });
    expect(stored.filename).toBe('photognp.txt');
    const history = await t.storedHistory(ticket.id);
    expect(history.at(-1)?.to).toBe('photognp.txt');
  });

  it.each([
    ['embeddings and overrides', '\u202aa\u202bb\u202cc\u202dd\u202e.txt', 'abcd.txt'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069.txt', 'abc.txt'],
    ['directional marks', '\u200ea\u200fb\u061c.txt', 'ab.txt'],
  ])('%s are removed from the name', async (_, sent, shown) => {
    const { response } = await uploadNamed(sent);
    expectStatus(response, 201);
    expect(response.body.filename).toBe(shown);
  });

  it('the download names the file without the controls', async () => {
    const { response } = await uploadNamed('report\u202e\u2066.txt');
    expectStatus(response, 201);
    const download = await user.get(`/api/attachments/${response.body.id}/content`);
    expectStatus(download, 200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="report.txt"; filename*=UTF-8''report.txt`,
    );
  });

  it('letters of right-to-left scripts stay: only the invisible controls go', async () => {
    const { response } = await uploadNamed('\u05de\u05e1\u05de\u05da.txt');
    expectStatus(response, 201);
    expect(response.body.filename).toBe('\u05de\u05e1\u05de\u05da.txt');
  });
});
