import { type Expression, type RawBuilder, sql } from 'kysely';

/**
 * `column LIKE '%term%' ESCAPE '\'` with the term's own wildcards escaped, so a search for
 * "50%" is literal. The same SQL runs on SQLite and PostgreSQL; callers pass already
 * normalised (lowercase, accent-free) text, which keeps it case-insensitive on both.
 */
export function contains(column: Expression<string | null>, term: string): RawBuilder<boolean> {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${column} like ${pattern} escape '\\'`;
}

export function startsWith(column: Expression<string | null>, term: string): RawBuilder<boolean> {
  const pattern = `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${column} like ${pattern} escape '\\'`;
}
