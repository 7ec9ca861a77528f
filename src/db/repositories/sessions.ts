import type { Kysely } from 'kysely';
import type { StaffUser } from '../../core/permissions.js';
import { prepare } from '../prepared.js';
import { type Database, toDate } from '../schema.js';
import { parseRoles } from './users.js';

export interface ActiveSession {
  user: StaffUser;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Run on every staff request: prepared once (see prepared.ts). */
const activeSession = prepare((db, p) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.username',
      'users.name',
      'users.roles',
      'users.must_change_password',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', p('idHash'))
    .where('sessions.expires_at', '>', p('now'))
    .where('users.disabled', '=', 0),
);

const departmentsOf = prepare((db, p) =>
  db.selectFrom('user_departments').select('department_code').where('user_id', '=', p('userId')),
);

/**
 * Sessions live in the database so that several server processes share them and a sign-out
 * or a disabled account takes effect everywhere at once. Only a hash of the session id is
 * stored: a copy of the database does not let anyone sign in.
 */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(idHash: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: idHash,
        user_id: userId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
  }

  /** The session and its user, when it has not expired and the user is not disabled. */
  async findActive(idHash: string, now: Date): Promise<ActiveSession | undefined> {
    const [row] = await activeSession.execute(this.db, { idHash, now: now.toISOString() });
    if (!row) return undefined;
    const departments = await departmentsOf.execute(this.db, { userId: row.id });
    return {
      user: {
        id: row.id,
        username: row.username,
        name: row.name,
        roles: parseRoles(row.roles),
        departments: departments.map((d) => d.department_code),
        mustChangePassword: row.must_change_password === 1,
      },
      lastSeenAt: toDate(row.last_seen_at),
      expiresAt: toDate(row.expires_at),
    };
  }

  async extend(idHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  }

  /** Ends every session of a user: sign-out everywhere, a disabled account, a new password. */
  async deleteForUser(userId: string, exceptIdHash?: string): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
    await q.execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }
}
