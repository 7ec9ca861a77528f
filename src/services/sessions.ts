import { createHash, randomBytes } from 'node:crypto';
import { Unauthenticated } from '../core/errors.js';
import type { StaffUser } from '../core/permissions.js';
import { SessionsRepository } from '../db/repositories/sessions.js';
import { UsersRepository } from '../db/repositories/users.js';
import type { ServiceContext } from './context.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';

/** A session touched within this long is not written again: lookups stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

export async function signIn(
  ctx: ServiceContext,
  credentials: { username: string; password: string },
): Promise<{ sessionId: string; user: StaffUser }> {
  const users = new UsersRepository(ctx.db);
  const found = await users.findByUsername(credentials.username);
  // Unknown users, disabled users and wrong passwords get one answer, after the same work.
  const passwordOk = await verifyPassword(
    credentials.password,
    found?.passwordHash ?? (await decoyPasswordHash()),
  );
  if (!found || found.disabled || !passwordOk) {
    throw new Unauthenticated('Usuario o contraseña incorrectos.');
  }
  const sessionId = randomBytes(32).toString('base64url');
  const now = ctx.now();
  await new SessionsRepository(ctx.db).create(
    hashSessionId(sessionId),
    found.id,
    now,
    new Date(now.getTime() + ctx.sessionIdleMs),
  );
  const { passwordHash: _hash, disabled: _disabled, ...user } = found;
  return { sessionId, user };
}

export async function signOut(ctx: ServiceContext, sessionId: string): Promise<void> {
  await new SessionsRepository(ctx.db).delete(hashSessionId(sessionId));
}

/** The signed-in user, sliding the idle expiry forward; undefined when the session is gone. */
export async function authenticate(ctx: ServiceContext, sessionId: string): Promise<StaffUser | undefined> {
  const sessions = new SessionsRepository(ctx.db);
  const idHash = hashSessionId(sessionId);
  const now = ctx.now();
  const session = await sessions.findActive(idHash, now);
  if (!session) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await sessions.extend(idHash, now, new Date(now.getTime() + ctx.sessionIdleMs));
  }
  return session.user;
}
