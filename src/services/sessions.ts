import { createHash, randomBytes } from 'node:crypto';
import { Forbidden, InvalidInput, TooManyRequests, Unauthenticated } from '../core/errors.js';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '../core/password-policy.js';
import type { StaffUser } from '../core/permissions.js';
import { type ActiveSession, SessionsRepository } from '../db/repositories/sessions.js';
import { SignInFailuresRepository } from '../db/repositories/sign-in-failures.js';
import { asStaffUser, UsersRepository } from '../db/repositories/users.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

/** A session touched within this long is not written again: lookups stay reads. */
const TOUCH_INTERVAL_MS = 60_000;
/** Ten failed sign-ins in fifteen minutes, per username and per address, lock that one out for the rest of the window. */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

async function refuseWhileLocked(
  failures: SignInFailuresRepository,
  subjects: string[],
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  for (const subject of subjects) {
    const recent = await failures.since(subject, windowStart);
    if (recent.length >= SIGN_IN_MAX_FAILURES) {
      const oldestCounted = recent[recent.length - SIGN_IN_MAX_FAILURES] as Date;
      const retryAfter = Math.max(
        1,
        Math.ceil((oldestCounted.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000),
      );
      throw new TooManyRequests(
        'Demasiados intentos fallidos; espere antes de volver a intentar.',
        retryAfter,
      );
    }
  }
}

export async function signIn(
  ctx: ServiceContext,
  credentials: { username: string; password: string },
  ip: string | null,
): Promise<{ sessionId: string; user: StaffUser }> {
  const now = ctx.now();
  const failures = new SignInFailuresRepository(ctx.db);
  const subjects = [`user:${credentials.username.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
  await refuseWhileLocked(failures, subjects, now);

  const users = new UsersRepository(ctx.db);
  const found = await users.findByUsername(credentials.username);
  // Unknown users, disabled users and wrong passwords get one answer, after the same work.
  const passwordOk = await verifyPassword(
    credentials.password,
    found?.passwordHash ?? (await decoyPasswordHash()),
  );
  if (!found || found.disabled || !passwordOk) {
    await failures.add(subjects, now);
    await audit(
      ctx.db,
      { user: null, ip },
      'sign_in.failed',
      { type: 'user', id: credentials.username },
      {},
      now,
    );
    throw new Unauthenticated('Usuario o contraseña incorrectos.');
  }
  await failures.clear(subjects[0] as string);
  const sessionId = randomBytes(32).toString('base64url');
  await new SessionsRepository(ctx.db).create(
    hashSecret(sessionId),
    found.id,
    now,
    new Date(now.getTime() + ctx.sessionIdleMs),
  );
  const user = asStaffUser(found);
  await audit(ctx.db, { user, ip }, 'sign_in.succeeded', { type: 'user', id: user.username }, {}, now);
  return { sessionId, user };
}

export async function signOut(ctx: ServiceContext, sessionId: string): Promise<void> {
  await new SessionsRepository(ctx.db).delete(hashSecret(sessionId));
  forgetSessions(ctx);
}

/** Ends every session of the signed-in user on every device, this one included. */
export async function signOutEverywhere(ctx: ServiceContext, actor: Actor): Promise<void> {
  if (!actor.user) return;
  await new SessionsRepository(ctx.db).deleteForUser(actor.user.id);
  forgetSessions(ctx);
  await audit(ctx.db, actor, 'sign_out.everywhere', { type: 'user', id: actor.user.username }, {}, ctx.now());
}

/**
 * Every staff request checks its session, and two statements a request were a tenth of a
 * report lookup. A session found active is trusted for this long without asking again. This
 * process forgets sessions at once when it signs someone out or changes a user
 * (`forgetSessions`); the window only bounds how long another server process
 * (FOLIO_WORKERS), or a change made outside Folio, takes to be noticed.
 */
const SESSION_RECHECK_MS = 1_000;

interface CheckedSession extends ActiveSession {
  checkedAt: number;
}

const checkedSessions = new WeakMap<ServiceContext, Map<string, CheckedSession>>();

function checkedSessionsOf(ctx: ServiceContext): Map<string, CheckedSession> {
  let sessions = checkedSessions.get(ctx);
  if (!sessions) {
    sessions = new Map();
    checkedSessions.set(ctx, sessions);
  }
  return sessions;
}

/** After a sign-out or a change to any user: every session is checked again on its next request. */
export function forgetSessions(ctx: ServiceContext): void {
  checkedSessionsOf(ctx).clear();
}

/**
 * The signed-in user, sliding the idle expiry forward; undefined when the session is gone.
 *
 * The checked sessions are kept by the cookie's value, in this process's memory only (the
 * database keeps its hash alone): hashing it again on every request was a fiftieth of a lookup.
 */
export async function authenticate(ctx: ServiceContext, sessionId: string): Promise<StaffUser | undefined> {
  const now = ctx.now();
  const checked = checkedSessionsOf(ctx);
  let session: ActiveSession | undefined = checked.get(sessionId);
  if (
    !session ||
    now.getTime() - (session as CheckedSession).checkedAt >= SESSION_RECHECK_MS ||
    now.getTime() < (session as CheckedSession).checkedAt ||
    session.expiresAt.getTime() <= now.getTime()
  ) {
    session = await new SessionsRepository(ctx.db).findActive(hashSecret(sessionId), now);
    if (!session) {
      checked.delete(sessionId);
      return undefined;
    }
    // A bounded map: a burst of sign-ins cannot grow it without limit.
    if (checked.size >= 10_000) checked.clear();
    checked.set(sessionId, { ...session, checkedAt: now.getTime() });
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(now.getTime() + ctx.sessionIdleMs);
    await new SessionsRepository(ctx.db).extend(hashSecret(sessionId), now, expiresAt);
    const cached = checked.get(sessionId);
    if (cached) checked.set(sessionId, { ...cached, lastSeenAt: now, expiresAt });
  }
  return session.user;
}

export function checkNewPassword(password: string, username: string, path = 'newPassword'): void {
  const problem = passwordProblem(password, username);
  if (problem) {
    const message = PASSWORD_PROBLEM_MESSAGES[problem];
    throw new InvalidInput(message, [{ path, message }], 'weak_password');
  }
}

/**
 * A user's own password change. The current password is asked again (a session left open on
 * a counter PC must not be enough), every other session of the user ends, and a password an
 * admin reset no longer has to be changed.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  actor: Actor,
  sessionId: string,
  request: { currentPassword: string; newPassword: string },
): Promise<void> {
  const me = actor.user;
  if (!me || me.tokenId) throw new Forbidden('Solo una persona con sesión puede cambiar su contraseña.');
  const users = new UsersRepository(ctx.db);
  const found = await users.findByUsername(me.username);
  if (!found || !(await verifyPassword(request.currentPassword, found.passwordHash))) {
    throw new InvalidInput('La contraseña actual no es correcta.', [
      { path: 'currentPassword', message: 'La contraseña actual no es correcta.' },
    ]);
  }
  checkNewPassword(request.newPassword, me.username);
  if (request.newPassword === request.currentPassword) {
    throw new InvalidInput('La nueva contraseña debe ser distinta de la actual.', [
      { path: 'newPassword', message: 'La nueva contraseña debe ser distinta de la actual.' },
    ]);
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await new UsersRepository(trx).update(
      me.id,
      { passwordHash: await hashPassword(request.newPassword), mustChangePassword: false },
      now,
    );
    await new SessionsRepository(trx).deleteForUser(me.id, hashSecret(sessionId));
    await audit(trx, actor, 'password.changed', { type: 'user', id: me.username }, {}, now);
  });
  forgetSessions(ctx);
}
