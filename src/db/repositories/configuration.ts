import type { Kysely } from 'kysely';
import type { ReportType } from '../../core/report.js';
import { isTrack, type RoutingRule, type RoutingTable } from '../../core/routing.js';
import { prepare } from '../prepared.js';
import type { Database } from '../schema.js';

export interface HolidayRow {
  date: string;
  name: string;
}

/** The configuration an administrator edits: routing rules, settings, extra holidays. */
/** Asked on every filing (is the routed department real, and its name for the answer). */
const departmentNameOf = prepare((db, p) =>
  db.selectFrom('departments').select('name').where('code', '=', p('code')),
);

/** Asked by every-status queues of a viewer limited to departments (src/services/list-reports.ts). */
const departmentCodes = prepare((db) => db.selectFrom('departments').select('code'));

export class ConfigurationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async routingTable(): Promise<RoutingTable> {
    const rows = await this.db.selectFrom('routing_rules').selectAll().execute();
    const table: Partial<Record<ReportType, RoutingRule>> = {};
    for (const row of rows) {
      if (!isTrack(row.track)) continue;
      const rule: RoutingRule = { track: row.track, departmentCode: row.department_code };
      if (row.track_when_documents_needed && isTrack(row.track_when_documents_needed)) {
        rule.trackWhenDocumentsNeeded = row.track_when_documents_needed;
      }
      table[row.report_type as ReportType] = rule;
    }
    return table as RoutingTable;
  }

  async putRoutingRule(type: ReportType, rule: RoutingRule, now: Date): Promise<void> {
    const values = {
      track: rule.track,
      department_code: rule.departmentCode,
      track_when_documents_needed: rule.trackWhenDocumentsNeeded ?? null,
      updated_at: now.toISOString(),
    };
    await this.db
      .insertInto('routing_rules')
      .values({ report_type: type, ...values })
      .onConflict((oc) => oc.column('report_type').doUpdateSet(values))
      .execute();
  }

  async setting(key: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? JSON.parse(row.value) : undefined;
  }

  async putSetting(key: string, value: unknown, now: Date): Promise<void> {
    const values = { value: JSON.stringify(value), updated_at: now.toISOString() };
    await this.db
      .insertInto('settings')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }

  async holidays(): Promise<HolidayRow[]> {
    return this.db.selectFrom('holidays').select(['date', 'name']).orderBy('date').execute();
  }

  /** Returns false when that day was already a holiday. */
  async addHoliday(holiday: HolidayRow, userId: string | null, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('holidays')
      .values({ ...holiday, created_by: userId, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('date').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async removeHoliday(date: string): Promise<boolean> {
    const result = await this.db.deleteFrom('holidays').where('date', '=', date).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async departmentExists(code: string): Promise<boolean> {
    return (await this.departmentName(code)) !== undefined;
  }

  async departmentName(code: string): Promise<string | undefined> {
    const [row] = await departmentNameOf.execute(this.db, { code });
    return row?.name;
  }

  /** Whether `codes` holds every department there is. */
  async coversEveryDepartment(codes: readonly string[]): Promise<boolean> {
    if (codes.length === 0) return false;
    const all = await departmentCodes.execute(this.db, {});
    return all.every((department) => codes.includes(department.code));
  }

  async departments(): Promise<{ code: string; name: string }[]> {
    return this.db.selectFrom('departments').select(['code', 'name']).orderBy('name').execute();
  }
}
