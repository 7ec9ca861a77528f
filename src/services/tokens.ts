import { randomBytes, randomUUID } from 'node:crypto';
import { NotFound } from '../core/errors.js';
import type { Action, StaffUser } from '../core/permissions.js';
import { type ApiToken, TokensRepository } from '../db/repositories/tokens.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';
import { hashSecret } from './sessions.js';

const TOKEN_PREFIX = 'folio_';
const TOUCH_INTERVAL_MS = 60_000;

/** Creates a token for an integration; its secret is returned here once and stored only hashed. */
export async function createToken(
  ctx: ServiceContext,
  actor: Actor,
  request: { name: string; scopes: Action[] },
): Promise<{ token: ApiToken; secret: string }> {
  const now = ctx.now();
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const token = {
    id: randomUUID(),
    name: request.name,
    scopes: [...new Set(request.scopes)],
    createdBy: actor.user?.id as string,
    createdAt: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await new TokensRepository(trx).insert(token, hashSecret(secret));
    await audit(
      trx,
      actor,
      'token.created',
      { type: 'token', id: token.id },
      { name: token.name, scopes: token.scopes },
      now,
    );
  });
  return { token: { ...token, lastUsedAt: null, revokedAt: null }, secret };
}

export function listTokens(ctx: ServiceContext): Promise<ApiToken[]> {
  return new TokensRepository(ctx.db).list();
}

export async function revokeToken(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  const revoked = await new TokensRepository(ctx.db).revoke(id, now);
  if (!revoked) throw new NotFound('No existe un token activo con ese identificador.');
  await audit(ctx.db, actor, 'token.revoked', { type: 'token', id }, {}, now);
}

/**
 * The caller behind `Authorization: Bearer …`: a principal that may do exactly the token's
 * scopes. Every use is audited (integrations are few and their use is what admins ask about).
 */
export async function authenticateToken(
  ctx: ServiceContext,
  secret: string,
  use: { ip: string | null; method: string; route: string },
): Promise<StaffUser | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const tokens = new TokensRepository(ctx.db);
  const token = await tokens.findActiveByHash(hashSecret(secret));
  if (!token) return undefined;
  const now = ctx.now();
  const principal: StaffUser = {
    id: token.createdBy,
    username: `token:${token.name}`,
    name: token.name,
    roles: [],
    departments: [],
    mustChangePassword: false,
    scopes: token.scopes,
    tokenId: token.id,
  };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS)
    await tokens.touch(token.id, now);
  await audit(
    ctx.db,
    { user: principal, ip: use.ip },
    'token.used',
    { type: 'token', id: token.id },
    { method: use.method, route: use.route },
    now,
  );
  return principal;
}
