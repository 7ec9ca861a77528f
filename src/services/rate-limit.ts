import type { Kysely } from 'kysely';
import { TooManyRequests } from '../core/errors.js';
import { type Database, toDate } from '../db/schema.js';

export interface RateLimit {
  bucket: string;
  limit: number;
  windowMs: number;
  message: string;
}

/** Public lookups: 20 a minute per address, and 20 a minute per report number from anywhere. */
const TOO_MANY_LOOKUPS = 'Demasiadas consultas; espere un momento e intente de nuevo.';
export const LOOKUP_PER_ADDRESS: RateLimit = {
  bucket: 'lookup:ip',
  limit: 20,
  windowMs: 60_000,
  message: TOO_MANY_LOOKUPS,
};
export const LOOKUP_PER_NUMBER: RateLimit = {
  bucket: 'lookup:number',
  limit: 20,
  windowMs: 60_000,
  message: TOO_MANY_LOOKUPS,
};
/** Self-service filing: 10 an hour per address. */
export const SELF_FILING_PER_ADDRESS: RateLimit = {
  bucket: 'self_filing:ip',
  limit: 10,
  windowMs: 3_600_000,
  message: 'Se registraron muchos reportes desde esta conexión; espere un momento o llámenos.',
};

/**
 * Counts one hit against a sliding-window limit kept in the database, so every server process
 * shares it; over the limit → 429 with the seconds until the oldest counted hit leaves the
 * window. (On PostgreSQL two simultaneous hits may both pass at the very edge: a limit of 20
 * can let 21 through, which is fine for slowing down guessing.)
 */
export async function consume(
  db: Kysely<Database>,
  rule: RateLimit,
  subject: string,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const hits = await db
    .selectFrom('rate_limit_hits')
    .select('at')
    .where('bucket', '=', rule.bucket)
    .where('subject', '=', subject)
    .where('at', '>', windowStart.toISOString())
    .orderBy('at')
    .execute();
  if (hits.length >= rule.limit) {
    const oldest = toDate((hits[hits.length - rule.limit] as { at: Date | string }).at);
    const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + rule.windowMs - now.getTime()) / 1000));
    throw new TooManyRequests(rule.message, retryAfter);
  }
  await db
    .insertInto('rate_limit_hits')
    .values({ bucket: rule.bucket, subject, at: now.toISOString() })
    .execute();
}

/** Forgets hits older than a day (run by the promise watch's timer). */
export async function pruneRateLimits(db: Kysely<Database>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 86_400_000).toISOString();
  await db.deleteFrom('rate_limit_hits').where('at', '<', before).execute();
  await db.deleteFrom('sign_in_failures').where('at', '<', before).execute();
}
