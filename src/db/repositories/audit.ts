import type { Kysely } from 'kysely';
import { type Database, toDate } from '../schema.js';

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  tokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/** Append-only: this repository has no update and no delete, and no route offers either. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: entry.id,
        at: entry.at.toISOString(),
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        token_id: entry.tokenId,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        ip: entry.ip,
        details: JSON.stringify(entry.details),
      })
      .execute();
  }

  /** Newest first, paged backwards by (at, id). */
  async search(query: AuditQuery): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (query.actor) q = q.where('actor_name', '=', query.actor);
    if (query.action) q = q.where('action', '=', query.action);
    if (query.targetType) q = q.where('target_type', '=', query.targetType);
    if (query.targetId) q = q.where('target_id', '=', query.targetId);
    if (query.from) q = q.where('at', '>=', query.from.toISOString());
    if (query.to) q = q.where('at', '<', query.to.toISOString());
    const before = query.before;
    if (before) {
      q = q.where((eb) =>
        eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
      );
    }
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map((row) => ({
      id: row.id,
      at: toDate(row.at),
      actorId: row.actor_id,
      actorName: row.actor_name,
      tokenId: row.token_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      ip: row.ip,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }
}
