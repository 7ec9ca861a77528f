import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffUser } from '../core/permissions.js';
import { AuditRepository } from '../db/repositories/audit.js';
import type { Database } from '../db/schema.js';

/** Who is acting and from where: what every audited use case is given by its route. */
export interface Actor {
  user: StaffUser | null;
  ip: string | null;
}

/**
 * Writes one audit entry. Details must never hold secrets (passwords, tokens, session ids,
 * invoice numbers): callers pass only names, ids and what changed.
 */
export async function audit(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  target: { type: string; id: string } | null,
  details: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await new AuditRepository(db).append({
    id: `${now.getTime().toString(36).padStart(9, '0')}-${randomUUID()}`,
    at: now,
    actorId: actor.user?.id ?? null,
    actorName: actor.user?.username ?? null,
    tokenId: actor.user?.tokenId ?? null,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    ip: actor.ip,
    details,
  });
}
