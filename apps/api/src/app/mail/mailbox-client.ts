import { ImapFlow } from 'imapflow';

/** How long a mailbox may take to answer before the poll counts as failed. */
const TIMEOUT_MS = 15_000;

export interface MailboxMessage {
  uid: number;
  source: Buffer;
}

/**
 * One IMAP session on the mailbox of `url` (`imap[s]://user:password@host:port/Folder`):
 * `visit` gets the folder's UIDVALIDITY and reads the messages after a UID one at a time.
 */
export async function withMailbox<T>(
  url: string,
  visit: (mailbox: OpenMailbox) => Promise<T>,
): Promise<T> {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  const client = new ImapFlow({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 4,
  });
  // A dropped connection is reported by the command that was waiting on it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const folder = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX';
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`Mailbox ${folder} could not be opened`);
      return await visit(new OpenMailbox(client, Number(mailbox.uidValidity)));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export class OpenMailbox {
  constructor(
    private readonly client: ImapFlow,
    readonly uidValidity: number,
  ) {}

  /** UIDs after `lastUid`, oldest first, at most `limit`. */
  async uidsAfter(lastUid: number, limit: number): Promise<number[]> {
    const found = await this.client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    // "n:*" always includes the newest message, even when its UID is below n.
    return (found || [])
      .filter((uid) => uid > lastUid)
      .sort((a, b) => a - b)
      .slice(0, limit);
  }

  async source(uid: number): Promise<Buffer | null> {
    const message = await this.client.fetchOne(String(uid), { source: true }, { uid: true });
    return message && message.source ? message.source : null;
  }
}
