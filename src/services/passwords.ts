import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id through @node-rs/argon2 (maintained, prebuilt for each platform, runs off the event
 * loop) with OWASP's minimum parameters: 19 MiB of memory, 2 passes, 1 lane. That costs about
 * 20 ms here, where scrypt at OWASP's setting cost 700 ms a sign-in on a 2-core machine. The
 * parameters are stored inside each hash, so raising them later keeps old passwords working.
 */
// 2 is Algorithm.Argon2id; the library exports it as a const enum, which isolated modules cannot import.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), OPTIONS);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody has, checked when the username is unknown, so that an unknown
 * user takes as long to refuse as a wrong password and the answer time reveals nothing.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}
