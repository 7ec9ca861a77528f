import type { Kysely } from 'kysely';
import { type Database, toDate } from '../schema.js';

/** Failed sign-ins by subject ('user:ana', 'ip:10.0.0.7'), counted over a sliding window. */
export class SignInFailuresRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The failures since `since`, oldest first (the oldest decides when the limit lifts). */
  async since(subject: string, since: Date): Promise<Date[]> {
    const rows = await this.db
      .selectFrom('sign_in_failures')
      .select('at')
      .where('subject', '=', subject)
      .where('at', '>', since.toISOString())
      .orderBy('at')
      .execute();
    return rows.map((r) => toDate(r.at));
  }

  async add(subjects: string[], at: Date): Promise<void> {
    await this.db
      .insertInto('sign_in_failures')
      .values(subjects.map((subject) => ({ subject, at: at.toISOString() })))
      .execute();
  }

  async clear(subject: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('subject', '=', subject).execute();
  }

  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('at', '<', before.toISOString()).execute();
  }
}
