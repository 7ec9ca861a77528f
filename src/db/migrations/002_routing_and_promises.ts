import { type Kysely, sql } from 'kysely';

/**
 * Routing and promises: every report gets a track, a department and a promise (`due_at`);
 * waiting on the customer is kept as pauses; the routing table, the promise policy and the
 * office's extra holidays become data an administrator edits.
 *
 * `base_due_at` is the promise computed from the filing time; `due_at` is that plus the time
 * the report spent waiting on the customer; `at_risk_at` is when the watch flags it. Storing
 * the last two lets the promise watch find its work with an index instead of scanning.
 */
const DEFAULT_DEPARTMENTS = [
  ['atencion_clientes', 'Atención a clientes'],
  ['facturacion', 'Facturación'],
  ['soporte_tecnico', 'Soporte técnico'],
  ['administracion', 'Administración'],
] as const;

const DEFAULT_ROUTING = [
  ['fault', 'technical', 'soporte_tecnico', null],
  ['billing_error', 'review', 'facturacion', null],
  ['clarification', 'review', 'facturacion', null],
  ['administrative_change', 'immediate', 'atencion_clientes', 'review'],
  ['complaint', 'review', 'atencion_clientes', null],
  ['suggestion', 'review', 'atencion_clientes', null],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  const departments = DEFAULT_DEPARTMENTS.map(([code, name]) => ({ code, name, created_at: now }));
  await (db as Kysely<{ departments: { code: string; name: string; created_at: string } }>)
    .insertInto('departments')
    .values(departments)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('report_type', 'text', (c) => c.primaryKey())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
    .addColumn('track_when_documents_needed', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ routing_rules: Record<string, string | null> }>)
    .insertInto('routing_rules')
    .values(
      DEFAULT_ROUTING.map(([type, track, department, withDocuments]) => ({
        report_type: type,
        track,
        department_code: department,
        track_when_documents_needed: withDocuments,
        updated_at: now,
      })),
    )
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema.alterTable('customers').addColumn('next_billing_date', 'text').execute();
  await db.schema
    .alterTable('customers')
    .addColumn('billing_period_months', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Reports filed before this migration keep null promises: nobody was promised anything.
  for (const [name, type] of [
    ['track', 'text'],
    ['department_code', 'text'],
    ['external_days', 'integer'],
    ['external_cause', 'text'],
    ['base_due_at', 'timestamptz'],
    ['due_at', 'timestamptz'],
    ['at_risk_at', 'timestamptz'],
    ['resolved_at', 'timestamptz'],
    ['promise_kept', 'integer'],
  ] as const) {
    await db.schema.alterTable('reports').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('reports')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('reports')
    .addColumn('documents_needed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('reports')
    .addColumn('promise_state', 'text', (c) => c.notNull().defaultTo('on_track'))
    .execute();
  await sql`update reports set track = case type
      when 'fault' then 'technical' when 'administrative_change' then 'immediate' else 'review' end,
    department_code = case type
      when 'fault' then 'soporte_tecnico' when 'billing_error' then 'facturacion'
      when 'clarification' then 'facturacion' else 'atencion_clientes' end`.execute(db);

  // The promise watch's two questions: which open reports reach 80 % now, which are past due.
  await db.schema
    .createIndex('reports_at_risk_watch')
    .on('reports')
    .columns(['promise_state', 'at_risk_at'])
    .execute();
  await db.schema
    .createIndex('reports_breach_watch')
    .on('reports')
    .columns(['promise_state', 'due_at'])
    .execute();
  await db.schema
    .createIndex('reports_department_due')
    .on('reports')
    .columns(['department_code', 'due_at'])
    .execute();

  await db.schema
    .createTable('report_pauses')
    .addColumn('report_number', 'text', (c) => c.notNull().references('reports.number'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addPrimaryKeyConstraint('report_pauses_pk', ['report_number', 'started_at'])
    .execute();
}
