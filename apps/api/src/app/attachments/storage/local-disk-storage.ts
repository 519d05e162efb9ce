import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStorage } from './file-storage';

/** Bytes still arriving are written under a hidden name that no key can have. */
const INCOMING = /^\.[0-9a-f-]{36}\.incoming$/;
/** An incoming file this old belongs to no upload still running: its process died. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Files in UPLOAD_DIR (a shared folder when several instances run), named by random UUIDs.
 * A file appears under its key only complete and synced: it is written to a temporary name
 * and renamed on success, and on any failure (a client that aborts, a body cut short) the
 * temporary file is removed once it is closed, so nothing half-written stays behind.
 */
export class LocalDiskStorage extends FileStorage {
  constructor(private readonly directory: string) {
    super();
    mkdirSync(directory, { recursive: true });
    this.removeAbandonedUploads();
  }

  async save(content: Readable): Promise<{ key: string; size: number }> {
    const key = randomUUID();
    const incoming = join(this.directory, `.${key}.incoming`);
    // Opened before the first byte, not by a write stream later: its asynchronous open
    // could create the file after a failed upload had already removed it (empty strays).
    const handle = await open(incoming, 'wx', 0o640);
    let size = 0;
    try {
      try {
        for await (const chunk of content as AsyncIterable<Buffer>) {
          await handle.write(chunk);
          size += chunk.length;
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(incoming, this.pathOf(key));
    } catch (error) {
      content.destroy();
      await rm(incoming, { force: true });
      throw error;
    }
    return { key, size };
  }

  async readHead(key: string, length: number): Promise<Buffer> {
    const handle = await open(this.pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.directory, key);
  }

  /** Temporary files left by a process that stopped mid-upload (never a running upload's). */
  private removeAbandonedUploads(): void {
    const cutoff = Date.now() - ABANDONED_AFTER_MS;
    for (const name of readdirSync(this.directory)) {
      if (!INCOMING.test(name)) continue;
      const path = join(this.directory, name);
      if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < cutoff) {
        rmSync(path, { force: true });
      }
    }
  }
}
