import type { Readable } from 'node:stream';

/** Where attachment bytes live. Keys are made by the storage, never by a client. */
export abstract class FileStorage {
  /** Stores the stream under a new key; resolves once the bytes are durable. */
  abstract save(content: Readable): Promise<{ key: string; size: number }>;
  /** The first bytes of a stored file, to judge its type. */
  abstract readHead(key: string, length: number): Promise<Buffer>;
  abstract open(key: string): Readable;
  abstract remove(key: string): Promise<void>;
}
