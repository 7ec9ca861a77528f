import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompiledQuery, type Kysely, Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.js';
import { reportRow } from '../../test/support/rows.js';
import { keysContaining } from '../../test/support/text-search.js';
import { searchKey } from '../core/normalize.js';
import { migrateToLatest } from './database.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { CommonTerms, spreadOver, TrigramSample, trigramsOf } from './text-search.js';

/**
 * The text indexes of migration 007 on each database: the rows that were there before it are
 * found (the backfill), every later write keeps them right (the triggers on SQLite), and a term
 * is taken literally.
 */

const AT = '2026-11-26T16:00:00.000Z';

/** A database with the migrations up to, not including, 007: the state the backfill starts from. */
async function openBefore007(kind: 'sqlite' | 'postgres') {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  if (kind === 'sqlite') {
    // A file rather than :memory:, so VACUUM rewrites a real file.
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-text-search-'));
    db = openSqlite(path.join(dir, 'folio.sqlite')).db;
    close = async () => {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    };
  } else {
    const adminUrl = process.env.FOLIO_TEST_POSTGRES_URL as string;
    const name = `folio_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = openPostgres(url.toString()).db;
    close = async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const result = await new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  }).migrateTo('006_back_office');
  if (result.error) throw result.error;
  return { db, close };
}

async function addCustomer(db: Kysely<Database>, customerNumber: string, name: string) {
  await db
    .insertInto('customers')
    .values({
      customer_number: customerNumber,
      name,
      search_name: searchKey(name),
      phone: null,
      phone_digits: null,
      email: null,
      street: 'Centenario',
      street_number: '322',
      colonia: 'Centro',
      city: 'Rioverde',
      postal_code: '79610',
      lat: null,
      lng: null,
      billing_cycle_day: 12,
      next_billing_date: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}

/** A report as an import writes it: without the copy of its customer's name (migration 014). */
async function addReport(db: Kysely<Database>, number: string, customerNumber: string, description: string) {
  await db
    .insertInto('reports')
    .values(reportRow(number, customerNumber, description, AT))
    .execute();
}

describe.each(databaseKinds)('text search indexes on $name', (kind) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  const reportsWith = (term: string, max = 100) =>
    keysContaining(db, 'reports.search_text', searchKey(term), max);
  const customersWith = (term: string, max = 100) =>
    keysContaining(db, 'customers.search_name', searchKey(term), max);

  beforeAll(async () => {
    ({ db, close } = await openBefore007(kind.name));
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'admin',
        name: 'Admin',
        password_hash: 'x',
        roles: '["admin"]',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    // Filed before the indexes existed.
    await addCustomer(db, '100001', 'María Guadalupe Juárez Hernández');
    await addCustomer(db, '100002', 'Pedro Gómez Luna');
    await addReport(db, '2611000011', '100002', 'Fuga frente a la casa de la señora Juárez.');
    await addReport(db, '2611000022', '100001', 'Cobro duplicado en el recibo de octubre.');
    expect(await migrateToLatest(db)).toContain('007_text_search');
  });
  afterAll(() => close());

  it('copies each customer’s name onto the reports there were (migration 014)', async () => {
    const rows = await db
      .selectFrom('reports')
      .select(['number', 'customer_search_name'])
      .where('number', 'in', ['2611000011', '2611000022'])
      .orderBy('number')
      .execute();
    expect(rows).toEqual([
      { number: '2611000011', customer_search_name: searchKey('Pedro Gómez Luna') },
      { number: '2611000022', customer_search_name: searchKey('María Guadalupe Juárez Hernández') },
    ]);
  });

  it('finds the rows that were there before the migration, accents and case aside', async () => {
    expect(await reportsWith('juarez')).toEqual(['2611000011']);
    expect(await reportsWith('JUÁREZ')).toEqual(['2611000011']);
    expect(await customersWith('Juárez')).toEqual(['100001']);
    expect(await customersWith('gomez luna')).toEqual(['100002']);
    expect(await reportsWith('nada de esto')).toEqual([]);
  });

  it('finds a substring anywhere, even inside a word', async () => {
    expect(await reportsWith('uplica')).toEqual(['2611000022']);
    expect(await customersWith('ernand')).toEqual(['100001']);
    expect(await reportsWith('a la casa')).toEqual(['2611000011']);
  });

  it('keeps up with rows added, changed and removed', async () => {
    await addCustomer(db, '100003', 'Xóchitl Tzab');
    await addReport(db, '2611000033', '100003', 'El medidor fue robado anoche.');
    expect(await customersWith('tzab')).toEqual(['100003']);
    expect(await reportsWith('robado')).toEqual(['2611000033']);

    await db
      .updateTable('customers')
      .set({ name: 'Xóchitl Méndez', search_name: searchKey('Xóchitl Méndez') })
      .where('customer_number', '=', '100003')
      .execute();
    expect(await customersWith('tzab')).toEqual([]);
    expect(await customersWith('mendez')).toEqual(['100003']);

    await db
      .updateTable('reports')
      .set({ search_text: searchKey('El medidor fue reemplazado.') })
      .where('number', '=', '2611000033')
      .execute();
    expect(await reportsWith('robado')).toEqual([]);
    expect(await reportsWith('reemplazado')).toEqual(['2611000033']);
    // A change to other columns leaves the index as it is.
    await db.updateTable('reports').set({ status: 'closed' }).where('number', '=', '2611000033').execute();
    expect(await reportsWith('reemplazado')).toEqual(['2611000033']);

    await db.deleteFrom('reports').where('number', '=', '2611000033').execute();
    await db.deleteFrom('customers').where('customer_number', '=', '100003').execute();
    expect(await reportsWith('reemplazado')).toEqual([]);
    expect(await customersWith('mendez')).toEqual([]);
  });

  it('takes the term literally: wildcards, quotes and search syntax are plain characters', async () => {
    await addReport(db, '2611000044', '100001', 'Le cobraron el 50% del cargo_fijo.');
    await addReport(db, '2611000055', '100001', 'Le cobraron 500 pesos del cargo fijo "extra".');
    expect(await reportsWith('50%')).toEqual(['2611000044']);
    expect(await reportsWith('cargo_fijo')).toEqual(['2611000044']);
    expect(await reportsWith('cargo fijo')).toEqual(['2611000055']);
    expect(await reportsWith('"extra"')).toEqual(['2611000055']);
    for (const syntax of ['cargo OR fuga', 'NEAR(cargo fijo)', 'carg*', 'description: fuga', '\\%_']) {
      expect(await reportsWith(syntax), syntax).toEqual([]);
    }
  });

  it('says "more than max" instead of listing them, and leaves short terms to the caller', async () => {
    expect(await reportsWith('cobr', 1)).toBeNull();
    expect(await reportsWith('cobr', 3)).toEqual(['2611000022', '2611000044', '2611000055']);
    expect(await reportsWith('50')).toBeNull();
  });

  it('finds the term itself, not rows that only hold its trigrams', async () => {
    // Every trigram of "xyzwqr" is in the decoy, so whichever the index is asked for, the decoy
    // is a candidate; only the row with the whole term is found.
    await addReport(db, '2611000088', '100001', 'Clave xyzw, luego wqr y zwq.');
    await addReport(db, '2611000099', '100001', 'Clave xyzwqr del medidor.');
    expect(await reportsWith('xyzwqr')).toEqual(['2611000099']);
    // Two candidates for at most one: the whole term, asked before calling it common, is one.
    expect(await reportsWith('xyzwqr', 1)).toEqual(['2611000099']);
    await db.deleteFrom('reports').where('number', 'in', ['2611000088', '2611000099']).execute();
  });

  it('remembers for a while that a term is common, and not its keys', async () => {
    const word = `quetzal${kind.name}`;
    await addReport(db, '2611000066', '100001', `Pago en la caja ${word} norte.`);
    await addReport(db, '2611000077', '100001', `Pago en la caja ${word} sur.`);
    expect(await reportsWith(word, 1)).toBeNull();
    await db.deleteFrom('reports').where('number', '=', '2611000077').execute();
    // Still "more than 1" for this term and max: the caller tests each row, which is exact.
    expect(await reportsWith(word, 1)).toBeNull();
    // Keys are never remembered: another max asks the index, which has the deletion.
    expect(await reportsWith(word, 2)).toEqual(['2611000066']);
    await db.deleteFrom('reports').where('number', '=', '2611000066').execute();
  });

  it.runIf(kind.name === 'sqlite')(
    'stays right after VACUUM, and reads the index alone, then the rows found by rowid',
    async () => {
      await addReport(db, '2611000066', '100002', 'Poste caído sobre la banqueta.');
      await db.deleteFrom('reports').where('number', '=', '2611000011').execute();
      await sql`vacuum`.execute(db);
      expect(await reportsWith('poste caido')).toEqual(['2611000066']);
      expect(await reportsWith('juarez')).toEqual([]);
      // FTS5 compares the index with the table it indexes; a mismatch is an error.
      await sql`insert into reports_search (reports_search, rank) values ('integrity-check', 1)`.execute(db);
      await sql`insert into customers_search (customers_search, rank) values ('integrity-check', 1)`.execute(
        db,
      );

      const queries: CompiledQuery[] = [];
      const spy = db.withPlugin({
        transformQuery: (args) => {
          queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      expect(await keysContaining(spy, 'reports.search_text', 'poste', 10)).toEqual(['2611000066']);
      expect(await keysContaining(spy, 'customers.search_name', 'gomez', 10)).toEqual(['100002']);
      const planOf = async (query: CompiledQuery) => {
        const { rows } = await db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
        );
        return rows.map((row) => row.detail).join('\n');
      };
      // Besides the index's catch-up check (src/db/text-index.ts) and the trigram samples, one
      // query of the index each, which reads the index alone…
      const searches = queries.filter((query) => / match /.test(query.sql));
      expect(searches).toHaveLength(2);
      for (const query of searches) {
        const plan = await planOf(query);
        // (Counted and gathered into one JSON text by a wrapper around the index's rows.)
        expect(plan).toMatch(/^SCAN (reports|customers)_search VIRTUAL TABLE INDEX \d+:M\d*$/m);
        expect(plan).not.toMatch(/SCAN (reports|customers)$/m);
      }
      // …and the rows found are then read by the table's own key.
      const reads = queries.filter((query) => /json_each/.test(query.sql));
      expect(reads).toHaveLength(2);
      for (const query of reads) {
        const plan = await planOf(query);
        expect(plan).toMatch(/SEARCH found USING INTEGER PRIMARY KEY \(rowid=\?\)/);
        expect(plan).not.toMatch(/SCAN found/);
      }
    },
  );

  it.runIf(kind.name === 'postgres')('has trigram indexes that a LIKE with escapes can use', async () => {
    const plan = await db.connection().execute(async (connection) => {
      // On a few rows a sequential scan is cheaper; forbid it to see that the index serves.
      await sql`set enable_seqscan = off`.execute(connection);
      try {
        const reports = await sql<{ 'QUERY PLAN': string }>`explain select number from reports
          where search_text like ${'%50\\%%'} escape '\\'`.execute(connection);
        const customers = await sql<{ 'QUERY PLAN': string }>`explain select customer_number from customers
          where search_name like ${'%juarez%'} escape '\\'`.execute(connection);
        return [...reports.rows, ...customers.rows].map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await sql`reset enable_seqscan`.execute(connection);
      }
    });
    expect(plan).toContain('reports_search_text_trgm');
    expect(plan).toContain('customers_search_name_trgm');
  });
});

describe('CommonTerms', () => {
  it('holds a verdict for its time, then forgets it', () => {
    const terms = new CommonTerms(1_000, 10);
    expect(terms.isCommon('zuniga', 0)).toBe(false);
    terms.remember('zuniga', 0);
    expect(terms.isCommon('zuniga', 999)).toBe(true);
    expect(terms.isCommon('zuniga', 1_000)).toBe(false);
    expect(terms.isCommon('zuniga', 1)).toBe(false);
  });

  it('keeps at most so many, forgetting the oldest first', () => {
    const terms = new CommonTerms(1_000, 2);
    terms.remember('a', 0);
    terms.remember('b', 1);
    terms.remember('a', 2); // remembered again: now the newest
    terms.remember('c', 3);
    expect(['a', 'b', 'c'].filter((term) => terms.isCommon(term, 4))).toEqual(['a', 'c']);
  });
});

describe('rarest trigrams', () => {
  it('splits a term into the trigrams FTS5 makes of it, by character', () => {
    expect(trigramsOf('ab')).toEqual([]);
    expect(trigramsOf('abcd')).toEqual(['abc', 'bcd']);
    expect(trigramsOf('a ñu')).toEqual(['a ñ', ' ñu']);
    expect(trigramsOf('😀ab')).toEqual(['😀ab']);
  });

  it('counts the rows of the sample that hold a trigram', () => {
    const sample = new TrigramSample(['aaaa', 'medidor', 'medidor roto'], 0);
    expect(sample.rowsWith('aaa')).toBe(1);
    expect(sample.rowsWith('dor')).toBe(2);
    expect(sample.rowsWith('xyz')).toBe(0);
  });

  it('asks for the rarest trigram and the one least seen beside it, not its neighbour', () => {
    const sample = new TrigramSample(
      [
        // "a z" is the rarest; " zu" is always beside it, "iba" only once.
        'ana zuniga',
        'vega zuniga',
        'pena zuniga',
        'ibarra zuniga',
        'ibarra lopez',
        'ibarra soto',
        'ibarra cruz',
        'ibarra ruiz',
        'juan zuniga',
        'luis zuniga',
        'cruz zuniga',
        'soto zuniga',
      ],
      0,
    );
    expect(sample.rowsWith('a z')).toBe(4);
    expect(sample.pairFor('ibarra zuniga')).toEqual(['a z', 'iba']);
    // Too short for a choice: the trigrams there are, each once.
    expect(sample.pairFor('aaaa')).toEqual(['aaa']);
    expect(sample.pairFor('abcd')).toEqual(['abc', 'bcd']);
    expect(sample.pairFor('ab')).toEqual([]);
  });

  it('among equals, takes the one seen least overall, then the farthest', () => {
    const sample = new TrigramSample(['medidor', 'medidor roto', 'transformador', 'trabajo por la tarde'], 0);
    const [rarest, second] = sample.pairFor('transformador');
    expect(sample.rowsWith(rarest as string)).toBe(1);
    expect(sample.rowsWith(second as string)).toBe(1);
    // Of the trigrams seen once (all but "tra" and "dor"), the first and the farthest from it.
    expect([rarest, second]).toEqual(['ran', 'ado']);
  });

  it('weighs at most a dozen trigrams of a long term, spread from its first to its last', () => {
    expect(spreadOver([1, 2, 3], 12)).toEqual([1, 2, 3]);
    expect(spreadOver([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 6)).toEqual([0, 2, 4, 6, 8, 10]);
    const term = 'el medidor de la casa de enfrente marca un consumo muy alto desde hace dos meses';
    const sample = new TrigramSample(['el medidor', 'la casa de enfrente', 'un consumo muy alto'], 0);
    const pair = sample.pairFor(term);
    expect(pair).toHaveLength(2);
    for (const trigram of pair) expect(term).toContain(trigram);
  });
});
