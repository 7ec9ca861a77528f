import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, addressed by their SHA-256: the same file uploaded twice is
 * stored once, a stored file never changes, and the database row only names the hash. Disk
 * today; object storage later implements the same two calls.
 */
export interface AttachmentStorage {
  /** Stores the bytes (if not already there) and answers their hash, lowercase hex. */
  put(content: Buffer): Promise<string>;
  /** The bytes stored under a hash; rejects when there are none. */
  get(hash: string): Promise<Readable>;
}

const HASH = /^[0-9a-f]{64}$/;

/** `<root>/<first two hex digits>/<hash>`, so no folder grows past a few thousand files. */
export class DiskAttachmentStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(hash: string): string {
    // The hash comes from the database, but a path is only ever built from a real one.
    if (!HASH.test(hash)) throw new Error(`not a SHA-256 hash: ${hash}`);
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  async put(content: Buffer): Promise<string> {
    const hash = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(hash);
    if (await exists(target)) return hash;
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed into place, so a crash never leaves half a file under a hash
    // (readers would serve it as the whole).
    const temporary = `${target}.${randomUUID()}.part`;
    try {
      const file = await open(temporary, 'wx', 0o640);
      try {
        await file.writeFile(content);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return hash;
  }

  async get(hash: string): Promise<Readable> {
    const file = await open(this.pathOf(hash), 'r');
    return file.createReadStream();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
