import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { HolidayResponse, HolidayYearResponse, ImportHolidaysResponse, WorkingDaysResponse } from '@luoshi/contracts';
import {
  CalendarError,
  type HolidayYear,
  type IsoDate,
  isDateInWindow,
  parseHolidayCsv,
  validateHolidayYear,
  WorkingDayCalendar,
} from '@luoshi/domain/calendar';
import { dateOfInstant } from '@luoshi/domain/workflow';
import { AuditService } from '@luoshi/server/audit';
import type { RequestActor } from '@luoshi/server/platform';
import { CalendarException } from './calendar.exception';

/** Another API instance may have changed the calendar: recheck the table's stamp this often. */
const REVALIDATE_MS = 30_000;

/** A year as the table gives it: the response with its times as Dates. */
interface YearRow extends Omit<HolidayYearResponse, 'confirmedAt' | 'updatedAt'> {
  confirmedAt: Date | null;
  updatedAt: Date;
}

interface CachedCalendar {
  calendar: WorkingDayCalendar;
  stamp: string;
  checkedAt: number;
}

const toYearResponse = (r: YearRow): HolidayYearResponse => ({
  year: r.year,
  confirmed: r.confirmed,
  source: r.source,
  origin: r.origin,
  holidays: Number(r.holidays),
  makeupWorkdays: Number(r.makeupWorkdays),
  confirmedAt: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

const checksumOf = (y: HolidayYear) => createHash('sha256').update(JSON.stringify([y.confirmed, y.source, y.entries])).digest('hex');

/**
 * The working-day calendar from the holiday tables. Built once and kept in memory; a change made
 * here drops it at once, a change made by another instance is noticed within REVALIDATE_MS.
 */
@Injectable()
export class CalendarService {
  private cached: CachedCalendar | null = null;
  private loading: Promise<CachedCalendar> | null = null;
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Today's date in Beijing time (the province's working day). */
  today(): IsoDate {
    return dateOfInstant(new Date().toISOString());
  }

  async calendar(): Promise<WorkingDayCalendar> {
    const cached = this.cached;
    if (cached && Date.now() - cached.checkedAt < REVALIDATE_MS) return cached.calendar;
    if (cached && (await this.stamp()) === cached.stamp) {
      cached.checkedAt = Date.now();
      return cached.calendar;
    }
    const generation = this.generation;
    if (!this.loading) {
      const loading: Promise<CachedCalendar> = this.load().finally(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    const loaded = await this.loading;
    // A load that started before a local change must not be kept as current.
    if (generation === this.generation) this.cached = loaded;
    return loaded.calendar;
  }

  invalidate(): void {
    this.generation++;
    this.cached = null;
    this.loading = null;
  }

  async listYears(): Promise<HolidayYearResponse[]> {
    const rows: YearRow[] = await this.dataSource.query(
      `SELECT y.year, y.confirmed, y.source, y.origin, y.confirmed_at AS "confirmedAt", y.updated_at AS "updatedAt",
              count(h.date) FILTER (WHERE h.kind = 'holiday') AS holidays,
              count(h.date) FILTER (WHERE h.kind = 'makeupWorkday') AS "makeupWorkdays"
         FROM holiday_year y LEFT JOIN holiday h ON h.year = y.year
        GROUP BY y.year ORDER BY y.year`,
    );
    return rows.map(toYearResponse);
  }

  async listHolidays(year?: number): Promise<HolidayResponse[]> {
    return this.dataSource.query(
      `SELECT date::text AS date, kind, name, year, confirmed FROM holiday
        WHERE $1::int IS NULL OR year = $1 ORDER BY date`,
      [year ?? null],
    );
  }

  async confirmYear(year: number, actor: RequestActor): Promise<HolidayYearResponse> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(`SELECT year, confirmed, origin FROM holiday_year WHERE year = $1 FOR UPDATE`, [year]);
      if (!before) throw CalendarException.yearNotFound(year);
      await m.query(
        `UPDATE holiday_year SET confirmed = true, origin = 'office', confirmed_by = $2, confirmed_at = now(), updated_at = now()
          WHERE year = $1`,
        [year, actor.user?.id ?? null],
      );
      await m.query(`UPDATE holiday SET confirmed = true WHERE year = $1`, [year]);
      await this.audit.record(m, actor, {
        action: 'calendar.confirm_year',
        subjectType: 'holiday_year',
        subjectId: String(year),
        before,
        after: { year, confirmed: true, origin: 'office' },
      });
    });
    this.invalidate();
    const response = (await this.listYears()).find((y) => y.year === year);
    if (!response) throw CalendarException.yearNotFound(year);
    return response;
  }

  /** Replaces each year named in the CSV, in one transaction: a bad line rejects the whole upload. */
  async importCsv(csv: string, source: string | undefined, actor: RequestActor): Promise<ImportHolidaysResponse> {
    let years: HolidayYear[];
    try {
      years = parseHolidayCsv(csv, { source });
    } catch (error) {
      if (error instanceof CalendarError) throw CalendarException.badCsv(error);
      throw error;
    }
    await this.dataSource.transaction(async (m) => {
      for (const y of years) {
        const before = await this.yearSnapshot(m, y.year);
        await this.replaceYear(m, y, 'office', null, actor.user?.id ?? null);
        await this.audit.record(m, actor, {
          action: 'calendar.import_year',
          subjectType: 'holiday_year',
          subjectId: String(y.year),
          before,
          after: { year: y.year, confirmed: y.confirmed, source: y.source, entries: y.entries },
        });
      }
    });
    this.invalidate();
    const imported = new Set(years.map((y) => y.year));
    return { years: (await this.listYears()).filter((y) => imported.has(y.year)) };
  }

  async workingDays(from: string, n: number): Promise<WorkingDaysResponse> {
    if (!isDateInWindow(from)) throw CalendarException.badDate('from', from);
    const calendar = await this.calendar();
    let date: IsoDate;
    try {
      date = calendar.addWorkingDays(from, n);
    } catch (error) {
      if (error instanceof CalendarError) throw CalendarException.fromDomain(error);
      throw error;
    }
    const [lo, hi] = from <= date ? [from, date] : [date, from];
    const specialDays: HolidayResponse[] = await this.dataSource.query(
      `SELECT date::text AS date, kind, name, year, confirmed FROM holiday WHERE date BETWEEN $1 AND $2 ORDER BY date`,
      [lo, hi],
    );
    let provisional = false;
    for (let y = Number(lo.slice(0, 4)); y <= Number(hi.slice(0, 4)); y++) {
      if (!calendar.isYearConfirmed(y)) provisional = true;
    }
    return { from, n, date, specialDays, provisional };
  }

  /**
   * Loads the shipped holiday files. Idempotent: a year the office uploaded or confirmed is never
   * touched; a year still as shipped is refreshed when a newer file differs (e.g. 2027 published).
   */
  async seedYears(files: unknown[]): Promise<{ inserted: number; refreshed: number; kept: number }> {
    const years = files.map((f) => validateHolidayYear(f));
    const result = { inserted: 0, refreshed: 0, kept: 0 };
    await this.dataSource.transaction(async (m) => {
      for (const y of years) {
        const checksum = checksumOf(y);
        const [row] = await m.query(`SELECT origin, seed_checksum AS "seedChecksum" FROM holiday_year WHERE year = $1 FOR UPDATE`, [y.year]);
        if (row && (row.origin !== 'seed' || row.seedChecksum === checksum)) {
          result.kept++;
          continue;
        }
        await this.replaceYear(m, y, 'seed', checksum, null);
        result[row ? 'refreshed' : 'inserted']++;
      }
    });
    this.invalidate();
    return result;
  }

  private async replaceYear(
    m: EntityManager,
    y: HolidayYear,
    origin: 'seed' | 'office',
    seedChecksum: string | null,
    confirmedBy: string | null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO holiday_year (year, confirmed, source, origin, seed_checksum, confirmed_by, confirmed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $2 THEN $6::uuid END, CASE WHEN $2 AND $4 = 'office' THEN now() END, now())
       ON CONFLICT (year) DO UPDATE SET confirmed = EXCLUDED.confirmed, source = EXCLUDED.source, origin = EXCLUDED.origin,
         seed_checksum = EXCLUDED.seed_checksum, confirmed_by = EXCLUDED.confirmed_by, confirmed_at = EXCLUDED.confirmed_at,
         updated_at = now()`,
      [y.year, y.confirmed, y.source, origin, seedChecksum, confirmedBy],
    );
    await m.query(`DELETE FROM holiday WHERE year = $1`, [y.year]);
    if (y.entries.length === 0) return;
    await m.query(
      `INSERT INTO holiday (date, year, kind, name, confirmed)
       SELECT e.date::date, $1, e.kind, e.name, $2
         FROM jsonb_to_recordset($3::jsonb) AS e(date text, kind text, name text)`,
      [y.year, y.confirmed, JSON.stringify(y.entries)],
    );
  }

  private async yearSnapshot(m: EntityManager, year: number): Promise<Record<string, unknown> | null> {
    const [row] = await m.query(
      `SELECT y.year, y.confirmed, y.source, y.origin,
              coalesce((SELECT json_agg(json_build_object('date', h.date::text, 'kind', h.kind, 'name', h.name) ORDER BY h.date)
                          FROM holiday h WHERE h.year = y.year), '[]') AS entries
         FROM holiday_year y WHERE y.year = $1`,
      [year],
    );
    return row ?? null;
  }

  private async stamp(): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::text || '@' || coalesce(max(updated_at)::text, '-') AS stamp FROM holiday_year`,
    );
    return row.stamp as string;
  }

  private async load(): Promise<CachedCalendar> {
    const stamp = await this.stamp();
    const years: { year: number; confirmed: boolean; source: string }[] = await this.dataSource.query(
      `SELECT year, confirmed, source FROM holiday_year ORDER BY year`,
    );
    const entries: { date: string; kind: 'holiday' | 'makeupWorkday'; name: string; year: number }[] = await this.dataSource.query(
      `SELECT date::text AS date, kind, name, year FROM holiday ORDER BY date`,
    );
    const calendar = new WorkingDayCalendar(
      years.map((y) => ({
        year: y.year,
        confirmed: y.confirmed,
        source: y.source,
        entries: entries.filter((e) => e.year === y.year).map(({ date, kind, name }) => ({ date, kind, name })),
      })),
    );
    return { calendar, stamp, checkedAt: Date.now() };
  }
}
