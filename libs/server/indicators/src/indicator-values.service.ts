import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { DEPARTMENT_ROLES, type IndicatorValueResponse, type IndicatorValueStatus } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { UserDirectory } from '@luoshi/server/identity';
import { type AuthUser, hasAnyRole, seesAllDepartments, type SignedInActor, SqlParams } from '@luoshi/server/platform';
import { IndicatorException } from './indicator.exception';
import { INDICATOR_VALUE_COLUMNS, type IndicatorValueRow, toValueResponses } from './indicator-value-row';
import { IndicatorsService } from './indicators.service';


/**
 * 指标填报: the responsible department reports a value per year with its source; the office
 * reviewer approves or returns it (one decision, the first wins). Only approved values count.
 */
@Injectable()
export class IndicatorValuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
  ) {}

  async report(indicatorId: string, input: { year: number; value: number; note: string }, actor: SignedInActor): Promise<IndicatorValueResponse> {
    const indicator = await this.indicators.row(indicatorId);
    if (!indicator.departmentId) throw IndicatorException.noDepartment();
    if (indicator.departmentId !== actor.user.departmentId || !hasAnyRole(actor.user, DEPARTMENT_ROLES)) {
      const department = (await this.users.departments(this.dataSource, [indicator.departmentId])).get(indicator.departmentId);
      throw IndicatorException.forbidden(
        `只有责任单位（${department?.name ?? ''}）的联络员或负责人可以报送该指标`,
        'Only the responsible department’s liaison or head may report this indicator',
      );
    }
    const currentYear = this.indicators.currentYear();
    if (input.year > currentYear) throw IndicatorException.badYear(input.year, currentYear);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (m) => {
        const [row] = await m.query(
          `INSERT INTO indicator_value (indicator_id, plan_id, year, value, note, department_id, reported_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [indicatorId, indicator.planId, input.year, input.value, input.note.trim(), indicator.departmentId, actor.user.id],
        );
        await this.audit.record(m, actor, {
          action: 'indicator.value.submit',
          subjectType: 'indicator_value',
          subjectId: row.id,
          after: { indicatorId, year: input.year, value: input.value, note: input.note },
        });
        return row.id as string;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
        throw IndicatorException.valuePending(input.year);
      }
      throw error;
    }
    return this.get(id);
  }

  approve(valueId: string, comment: string | undefined, actor: SignedInActor): Promise<IndicatorValueResponse> {
    return this.decide(valueId, 'approved', comment ?? null, actor);
  }

  returnValue(valueId: string, comment: string | undefined, actor: SignedInActor): Promise<IndicatorValueResponse> {
    if (!comment?.trim()) throw IndicatorException.commentRequired();
    return this.decide(valueId, 'returned', comment.trim(), actor);
  }

  /** The review queue and the history: office roles see every department's values, a department its own. */
  async list(filter: { status?: IndicatorValueStatus; planId?: string }, user: AuthUser): Promise<IndicatorValueResponse[]> {
    const { values: params, p } = new SqlParams();
    const where: string[] = [];
    if (filter.status) where.push(`v.status = ${p(filter.status)}`);
    if (filter.planId) where.push(`v.plan_id = ${p(filter.planId)}`);
    if (!seesAllDepartments(user)) where.push(`v.department_id = ${p(user.departmentId)}`);
    const rows: IndicatorValueRow[] = await this.dataSource.query(
      `SELECT ${INDICATOR_VALUE_COLUMNS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY v.reported_at, v.id LIMIT 500`,
      params,
    );
    return toValueResponses(this.users, this.dataSource, rows);
  }

  private async decide(valueId: string, status: 'approved' | 'returned', comment: string | null, actor: SignedInActor): Promise<IndicatorValueResponse> {
    await this.dataSource.transaction(async (m) => {
      const [rows] = (await m.query(
        `UPDATE indicator_value SET status = $2, reviewed_by = $3, reviewed_at = now(), review_comment = $4
          WHERE id = $1 AND status = 'submitted'
          RETURNING id, indicator_id AS "indicatorId", year, value::float8 AS value`,
        [valueId, status, actor.user.id, comment],
      )) as [{ id: string; indicatorId: string; year: number; value: number }[], number];
      if (!rows[0]) {
        const [current] = await m.query(`SELECT status FROM indicator_value WHERE id = $1`, [valueId]);
        if (!current) throw IndicatorException.valueNotFound(valueId);
        throw IndicatorException.valueDecided(current.status);
      }
      await this.audit.record(m, actor, {
        action: status === 'approved' ? 'indicator.value.approve' : 'indicator.value.return',
        subjectType: 'indicator_value',
        subjectId: valueId,
        before: { status: 'submitted' },
        after: { ...rows[0], status, comment },
      });
    });
    return this.get(valueId);
  }

  private async get(id: string): Promise<IndicatorValueResponse> {
    const [row]: IndicatorValueRow[] = await this.dataSource.query(`SELECT ${INDICATOR_VALUE_COLUMNS} WHERE v.id = $1`, [id]);
    if (!row) throw IndicatorException.valueNotFound(id);
    return (await toValueResponses(this.users, this.dataSource, [row]))[0];
  }
}
