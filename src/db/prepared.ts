import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { idleSqliteConnection } from './dialects/sqlite.js';
import type { Database } from './schema.js';

/**
 * A query built and compiled once per SQL dialect, then run with new values. Building a
 * Kysely query costs more CPU than SQLite takes to answer it (the lookup benchmark spent a
 * quarter of its time there), so the queries on the hot paths — the session check, the report
 * lookup, filing — are built once, with named placeholders where the values go:
 *
 *   const byNumber = prepare((db, p) => db.selectFrom('reports').selectAll().where('number', '=', p('number')));
 *   const rows = await byNumber.execute(db, { number });
 *
 * Values become bound parameters exactly as in the built query; only the SQL text is reused.
 *
 * On SQLite, outside transactions, the statement runs on the connection directly instead of
 * through Kysely's driver, which takes a lock with a few promises around every statement and,
 * with many requests at once, wakes every waiter at each release (the lookup benchmark gained
 * ~6 %, bench/README.md). The rows are the same (Folio's Kysely has no plugins to transform them).
 */
type Placeholder = (name: string) => string;

const MARK = '\u0000folio-param:';

export interface PreparedQuery<Row> {
  execute(db: Kysely<Database>, values: Record<string, unknown>): Promise<Row[]>;
  /** For writes: the number of rows changed. */
  run(db: Kysely<Database>, values: Record<string, unknown>): Promise<number>;
}

export function prepare<Row>(
  build: (db: Kysely<Database>, p: Placeholder) => Compilable<Row>,
): PreparedQuery<Row> {
  // One compiled form per dialect: the SQL text differs (`?` against `$1`), not the query.
  const compiled = new Map<unknown, CompiledQuery<Row>>();
  const compiledFor = (db: Kysely<Database>) => {
    const dialect = db.getExecutor().adapter.constructor;
    let query = compiled.get(dialect);
    if (!query) {
      query = build(db, (name) => `${MARK}${name}`).compile();
      compiled.set(dialect, query);
    }
    return query;
  };
  const bind = (query: CompiledQuery<Row>, values: Record<string, unknown>): CompiledQuery<Row> => ({
    ...query,
    parameters: query.parameters.map((parameter) => {
      if (typeof parameter !== 'string' || !parameter.startsWith(MARK)) return parameter;
      const name = parameter.slice(MARK.length);
      if (!(name in values)) throw new Error(`prepared query: no value for "${name}"`);
      return values[name];
    }),
  });
  const statements = new WeakMap<SqliteConnection, Statement>();
  const direct = (db: Kysely<Database>) => {
    const connection = idleSqliteConnection(db);
    if (!connection) return undefined;
    let statement = statements.get(connection);
    if (!statement) {
      statement = connection.prepare(compiledFor(db).sql);
      statements.set(connection, statement);
    }
    return statement;
  };
  /** Runs the query with `values`: its rows, and how many rows it changed (0 for a query that returns rows, as Kysely's driver answers). */
  const runWith = async (
    db: Kysely<Database>,
    values: Record<string, unknown>,
  ): Promise<{ rows: Row[]; changes: number }> => {
    const statement = direct(db);
    const query = bind(compiledFor(db), values);
    if (!statement) {
      const result = await db.executeQuery(query);
      return { rows: result.rows, changes: Number(result.numAffectedRows ?? 0n) };
    }
    return statement.reader
      ? { rows: statement.all(query.parameters) as Row[], changes: 0 }
      : { rows: [], changes: statement.run(query.parameters).changes };
  };
  return {
    async execute(db, values) {
      return (await runWith(db, values)).rows;
    },
    async run(db, values) {
      return (await runWith(db, values)).changes;
    },
  };
}
