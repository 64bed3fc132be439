import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IndicatorDetailResponse, IndicatorResponse, IndicatorTrackingResponse } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { type DepartmentRefRow, UserDirectory } from '@luoshi/server/identity';
import { CalendarService } from '@luoshi/server/calendar';
import { PLAN_NODES_READ_MODEL, PlanReader } from '@luoshi/server/plans';
import { type AuthUser, seesAllDepartments, type SignedInActor } from '@luoshi/server/platform';
import { assessIndicator } from './assess-indicator';
import { IndicatorException } from './indicator.exception';
import { INDICATOR_VALUE_COLUMNS, type IndicatorValueRow, toValueResponses } from './indicator-value-row';

/** An indicator as the tracking query returns it: the contract's own fields plus plan, owner and reported values. */
interface IndicatorRow
  extends Pick<IndicatorResponse, 'id' | 'nodeCode' | 'name' | 'unit' | 'comparison' | 'baseline' | 'baselineYear' | 'targets' | 'sourceSentence'> {
  planId: string;
  departmentId: string | null;
  approved: { year: number; value: number; note: string }[];
  pending: number;
}

/**
 * The live indicators with their approved values (the last approved per year wins) in one query;
 * assessIndicator then works out projection and status per indicator (a plan has tens, not thousands).
 */
const INDICATOR_SQL = `
  SELECT i.id, i.plan_id AS "planId", n.code AS "nodeCode", i.name, i.unit, i.comparison,
         i.baseline::float8 AS baseline, i.baseline_year AS "baselineYear", i.targets, i.source_sentence AS "sourceSentence",
         i.responsible_department_id AS "departmentId",
         coalesce((SELECT json_agg(json_build_object('year', v.year, 'value', v.value::float8, 'note', v.note) ORDER BY v.year)
                     FROM (SELECT DISTINCT ON (a.year) a.year, a.value, a.note FROM indicator_value a
                            WHERE a.indicator_id = i.id AND a.status = 'approved'
                            ORDER BY a.year, a.reviewed_at DESC, a.id DESC) v), '[]'::json) AS approved,
         (SELECT count(*)::int FROM indicator_value p WHERE p.indicator_id = i.id AND p.status = 'submitted') AS pending
    FROM indicator i
    LEFT JOIN ${PLAN_NODES_READ_MODEL} n ON n.id = i.node_id`;

/** Read side of indicators, and the office's settings of one (responsible department, baseline). */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
    private readonly plans: PlanReader,
  ) {}

  currentYear(): number {
    return Number(this.calendar.today().slice(0, 4));
  }

  /** Every live indicator of a plan, baseline → latest → targets, with projections and status. */
  async track(planId: string): Promise<IndicatorTrackingResponse[]> {
    if (!(await this.plans.refs(this.dataSource, [planId])).has(planId)) throw IndicatorException.planNotFound(planId);
    const rows: IndicatorRow[] = await this.dataSource.query(
      `${INDICATOR_SQL} WHERE i.plan_id = $1 AND i.retired_in_version IS NULL ORDER BY n.source_line NULLS LAST, i.name`,
      [planId],
    );
    const year = this.currentYear();
    const departments = await this.users.departments(this.dataSource, rows.map((r) => r.departmentId));
    return rows.map((r) => this.toTracking(r, year, departments));
  }

  async detail(id: string, user: AuthUser): Promise<IndicatorDetailResponse> {
    const row = await this.row(id);
    const mayReview = seesAllDepartments(user) || (row.departmentId !== null && row.departmentId === user.departmentId);
    const values: IndicatorValueRow[] = await this.dataSource.query(
      `SELECT ${INDICATOR_VALUE_COLUMNS} WHERE v.indicator_id = $1 ${mayReview ? '' : `AND (v.status = 'approved' OR v.department_id = $2)`}
        ORDER BY v.reported_at DESC, v.id DESC`,
      mayReview ? [id] : [id, user.departmentId],
    );
    const departments = await this.users.departments(this.dataSource, [row.departmentId]);
    return { ...this.toTracking(row, this.currentYear(), departments), sourceSentence: row.sourceSentence, values: await toValueResponses(this.users, this.dataSource, values) };
  }

  async update(
    id: string,
    input: { responsibleDepartmentCode?: string | null; baseline?: number | null; baselineYear?: number | null },
    actor: SignedInActor,
  ): Promise<IndicatorDetailResponse> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query(
        `SELECT id, responsible_department_id AS "responsibleDepartmentId", baseline::float8 AS baseline, baseline_year AS "baselineYear"
           FROM indicator WHERE id = $1 AND retired_in_version IS NULL FOR UPDATE`,
        [id],
      );
      if (!before) throw IndicatorException.notFound(id);
      let departmentId: string | null = before.responsibleDepartmentId;
      if (input.responsibleDepartmentCode !== undefined) {
        departmentId = null;
        if (input.responsibleDepartmentCode !== null) {
          const d = await this.users.departmentByCode(m, input.responsibleDepartmentCode);
          if (!d) throw IndicatorException.unknownDepartment(input.responsibleDepartmentCode);
          departmentId = d.id;
        }
      }
      const baseline = input.baseline !== undefined ? input.baseline : before.baseline;
      const baselineYear = input.baselineYear !== undefined ? input.baselineYear : before.baselineYear;
      if ((baseline === null) !== (baselineYear === null)) throw IndicatorException.baselineIncomplete();
      if (baselineYear !== null && baselineYear > this.currentYear()) throw IndicatorException.badYear(baselineYear, this.currentYear());
      await m.query(`UPDATE indicator SET responsible_department_id = $2, baseline = $3, baseline_year = $4 WHERE id = $1`, [
        id,
        departmentId,
        baseline,
        baselineYear,
      ]);
      await this.audit.record(m, actor, {
        action: 'indicator.update',
        subjectType: 'indicator',
        subjectId: id,
        before,
        after: { id, responsibleDepartmentId: departmentId, baseline, baselineYear },
      });
    });
    return this.detail(id, actor.user);
  }

  /** The indicator as a row, for the values service (responsible department, plan). */
  async row(id: string): Promise<IndicatorRow> {
    const [row]: IndicatorRow[] = await this.dataSource.query(`${INDICATOR_SQL} WHERE i.id = $1 AND i.retired_in_version IS NULL`, [id]);
    if (!row) throw IndicatorException.notFound(id);
    return row;
  }

  private toTracking(r: IndicatorRow, currentYear: number, departments: Map<string, DepartmentRefRow>): IndicatorTrackingResponse {
    const d = r.departmentId ? departments.get(r.departmentId) : undefined;
    const baseline = r.baseline !== null && r.baselineYear !== null ? { year: r.baselineYear, value: r.baseline } : null;
    const a = assessIndicator({ comparison: r.comparison, baseline, targets: r.targets, observations: r.approved, currentYear });
    const latestNote = a.latest ? (r.approved.find((v) => v.year === a.latest?.year)?.note ?? '') : '';
    return {
      id: r.id,
      planId: r.planId,
      nodeCode: r.nodeCode,
      name: r.name,
      unit: r.unit,
      comparison: r.comparison,
      targets: [...r.targets].sort((x, y) => x.year - y.year),
      responsibleDepartment: r.departmentId ? { id: r.departmentId, code: d?.code ?? '', name: d?.name ?? '' } : null,
      baseline,
      latest: a.latest ? { ...a.latest, note: latestNote } : null,
      observations: a.observations,
      trend: a.trend,
      horizons: a.horizons,
      status: a.status,
      currentHorizonYear: a.currentHorizonYear,
      pendingValues: r.pending,
    };
  }
}
