import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

export const DESK_MAILBOX = { user: 'desk@example.test', password: 'secret' } as const;

/**
 * A private Dovecot IMAP server for one test file: a throwaway configuration, a passwd-file
 * user and a Maildir in a temp folder, on a free loopback port, run in the foreground and
 * killed by its PID. It can be stopped and started again on the same port (mailbox kept).
 */
export class TestMailServer {
  private process?: ChildProcess;

  private constructor(
    private readonly folder: string,
    readonly port: number,
  ) {}

  static async start(): Promise<TestMailServer> {
    const folder = mkdtempSync(join(tmpdir(), 'helpdesk-dovecot-'));
    chmodSync(folder, 0o711);
    const server = new TestMailServer(folder, await freePort());
    server.writeConfig();
    await server.resume();
    return server;
  }

  /** `imap://desk%40example.test:secret@127.0.0.1:<port>/INBOX` */
  get url(): string {
    return `imap://${encodeURIComponent(DESK_MAILBOX.user)}:${DESK_MAILBOX.password}@127.0.0.1:${this.port}/INBOX`;
  }

  /** Puts a message into the inbox with IMAP APPEND, as a mail server delivering it would. */
  async append(source: string | Buffer): Promise<void> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      auth: { user: DESK_MAILBOX.user, pass: DESK_MAILBOX.password },
      logger: false,
    });
    await client.connect();
    try {
      await client.append('INBOX', typeof source === 'string' ? Buffer.from(source) : source);
    } finally {
      await client.logout();
    }
  }

  /** Stops the server (the mailbox cannot be reached until `resume`). */
  async pause(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async resume(): Promise<void> {
    const child = spawn('dovecot', ['-F', '-c', join(this.folder, 'dovecot.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    this.process = child;
    await waitForPort(this.port, () => {
      if (child.exitCode !== null) throw new Error(`Dovecot exited: ${errors}`);
    });
  }

  async stop(): Promise<void> {
    await this.pause();
    rmSync(this.folder, { recursive: true, force: true });
  }

  private writeConfig(): void {
    const folder = this.folder;
    mkdirSync(join(folder, 'run'));
    mkdirSync(join(folder, 'state'));
    mkdirSync(join(folder, 'mail'));
    chmodSync(join(folder, 'mail'), 0o777);
    writeFileSync(
      join(folder, 'users'),
      `${DESK_MAILBOX.user}:{PLAIN}${DESK_MAILBOX.password}::::::\n`,
    );
    writeFileSync(
      join(folder, 'dovecot.conf'),
      `base_dir = ${folder}/run
state_dir = ${folder}/state
log_path = ${folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${folder}/mail/%u
mail_uid = nobody
mail_gid = nogroup
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${folder}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${folder}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, check: () => void): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    check();
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
