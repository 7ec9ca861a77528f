import { type RawBuilder, sql } from 'kysely';

/**
 * A text column as an expression no index serves (`column || ''`, the same value), so that a
 * condition on it is tested on each row read instead of choosing which rows are read. For
 * SQLite, which has no statistics and would otherwise start from that column's index even
 * where another way is far cheaper; PostgreSQL plans the same SQL by its statistics.
 */
export function testedPerRow(column: string): RawBuilder<string> {
  return sql<string>`(${sql.ref(column)} || '')`;
}
