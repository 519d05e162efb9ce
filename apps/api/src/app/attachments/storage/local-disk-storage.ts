import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStorage } from './file-storage';

/** Files in UPLOAD_DIR (a shared folder when several instances run), named by random UUIDs. */
export class LocalDiskStorage extends FileStorage {
  constructor(private readonly directory: string) {
    super();
    mkdirSync(directory, { recursive: true });
  }

  async save(content: Readable): Promise<{ key: string; size: number }> {
    const key = randomUUID();
    const path = this.pathOf(key);
    let size = 0;
    content.on('data', (chunk: Buffer) => (size += chunk.length));
    try {
      await pipeline(content, createWriteStream(path, { flags: 'wx', mode: 0o640 }));
      const handle = await open(path, 'r');
      await handle.sync().finally(() => handle.close());
    } catch (error) {
      await rm(path, { force: true });
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
}
