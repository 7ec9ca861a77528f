import type { Kysely } from 'kysely';
import type { Action } from '../../core/permissions.js';
import { type Database, toDate, toDateOrNull } from '../schema.js';

export interface ApiToken {
  id: string;
  name: string;
  scopes: Action[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export class TokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(token: Omit<ApiToken, 'lastUsedAt' | 'revokedAt'>, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        name: token.name,
        token_hash: tokenHash,
        scopes: JSON.stringify(token.scopes),
        created_by: token.createdBy,
        created_at: token.createdAt.toISOString(),
      })
      .execute();
  }

  async findActiveByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toToken(row);
  }

  async list(): Promise<ApiToken[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute()).map(
      toToken,
    );
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: at.toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at.toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toToken(row: {
  id: string;
  name: string;
  scopes: string;
  created_by: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as Action[],
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
    revokedAt: toDateOrNull(row.revoked_at),
  };
}
