import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type DatabaseConfig =
  { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  uploadDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  sessionSecret: string;
  /** Directory of the built web app served at `/`, when it exists. */
  webRoot: string;
  requestLogs: boolean;
  /** Where people open the app, without a trailing slash; links in e-mails start with it. */
  publicUrl: string;
  /** The desk's mailbox, `imaps://user:password@host:993/INBOX`; null: no inbound mail. */
  imapUrl: string | null;
  /** How often the mailbox is read (fractions of a second are allowed in tests). */
  mailPollSeconds: number;
  /** The desk's own address: Reply-To of every notification, never a requester. */
  mailReplyAddress: string | null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const SESSION_SECRET_MIN_LENGTH = 32;

/** Reads and validates the environment; every wrong variable is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const port = parsePort(env['PORT'] ?? '3000', problems);
  const database = parseDatabaseUrl(env['DATABASE_URL'] ?? 'sqlite:data/helpdesk.sqlite', problems);
  const smtpUrl = parseSmtpUrl(env['SMTP_URL'], problems);
  const publicUrl = parsePublicUrl(env['PUBLIC_URL'], port, problems);
  const imapUrl = parseImapUrl(env['IMAP_URL'], problems);
  const mailPollSeconds = parsePollSeconds(env['MAIL_POLL_SECONDS'] ?? '30', problems);
  const mailReplyAddress = env['MAIL_REPLY_ADDRESS'] || null;
  if (mailReplyAddress !== null && !/^[^\s@<>]+@[^\s@<>]+$/.test(mailReplyAddress)) {
    problems.push(
      `MAIL_REPLY_ADDRESS must be a plain address such as "support@example.com", got "${mailReplyAddress}"`,
    );
  }
  const uploadDir = env['UPLOAD_DIR'] || 'uploads';
  const mailFrom = env['MAIL_FROM'] || 'Helpdesk <helpdesk@localhost>';
  if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(mailFrom)) {
    problems.push(
      `MAIL_FROM must be an address such as "Helpdesk <help@example.com>", got "${mailFrom}"`,
    );
  }
  const secret = env['SESSION_SECRET'];
  if (secret !== undefined && secret.length < SESSION_SECRET_MIN_LENGTH) {
    problems.push(`SESSION_SECRET must be at least ${SESSION_SECRET_MIN_LENGTH} characters long`);
  }
  if (problems.length > 0) throw new InvalidConfigError(problems);

  return {
    port,
    database,
    uploadDir: resolve(uploadDir),
    smtpUrl,
    mailFrom,
    sessionSecret: secret ?? persistentSecret(database),
    webRoot: resolve(env['WEB_ROOT'] || 'dist/apps/web/browser'),
    requestLogs: env['REQUEST_LOGS'] !== 'off',
    publicUrl,
    imapUrl,
    mailPollSeconds,
    mailReplyAddress,
  };
}

function parseImapUrl(raw: string | undefined, problems: string[]): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if ((url.protocol === 'imap:' || url.protocol === 'imaps:') && url.hostname && url.username) {
      return raw;
    }
  } catch {
    // reported below
  }
  problems.push(
    'IMAP_URL must look like "imaps://user%40example.com:password@imap.example.com:993/INBOX"',
  );
  return null;
}

function parsePollSeconds(raw: string, problems: string[]): number {
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < 1 || seconds > 86_400) {
    problems.push(`MAIL_POLL_SECONDS must be a whole number from 1 to 86400, got "${raw}"`);
  }
  return seconds;
}

function parsePort(raw: string, problems: string[]): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

function parseDatabaseUrl(raw: string, problems: string[]): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path) return { engine: 'sqlite', path: resolve(path) };
  } else if (/^postgres(ql)?:\/\/./.test(raw)) {
    return { engine: 'postgres', url: raw };
  }
  problems.push(
    `DATABASE_URL must be "sqlite:<file>" or "postgres://user@host:port/db", got "${raw}"`,
  );
  return { engine: 'sqlite', path: '' };
}

function parseSmtpUrl(raw: string | undefined, problems: string[]): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return raw;
  } catch {
    // reported below
  }
  problems.push(
    `SMTP_URL must look like "smtp://user:pass@host:587" or "smtps://...", got "${raw}"`,
  );
  return null;
}

function parsePublicUrl(raw: string | undefined, port: number, problems: string[]): string {
  if (!raw) return `http://localhost:${port}`;
  try {
    const url = new URL(raw);
    const plain = !url.username && !url.password && !url.search && !url.hash;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && plain) {
      return raw.replace(/\/+$/, '');
    }
  } catch {
    // reported below
  }
  problems.push(
    `PUBLIC_URL must be the app's address such as "https://help.example.com", got "${raw}"`,
  );
  return '';
}

/**
 * Without SESSION_SECRET, a random secret is made once and kept beside the SQLite file
 * (or in ./data for PostgreSQL), so sessions survive restarts and no secret lives in the repo.
 */
function persistentSecret(database: DatabaseConfig): string {
  const folder = database.engine === 'sqlite' ? dirname(database.path) : resolve('data');
  const file = join(folder, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(folder, { recursive: true });
  try {
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
