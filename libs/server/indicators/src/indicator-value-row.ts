import type { IndicatorValueResponse, IndicatorValueStatus } from '@luoshi/contracts';
import type { UserDirectory } from '@luoshi/server/identity';
import type { Sql } from '@luoshi/server/platform';

/** A reported value as the read queries return it. */
export interface IndicatorValueRow {
  id: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  year: number;
  value: number;
  note: string;
  status: IndicatorValueStatus;
  departmentId: string;
  reportedById: string;
  reportedAt: Date;
  reviewedById: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

/** `SELECT ${INDICATOR_VALUE_COLUMNS} WHERE …` — the columns of IndicatorValueRow and their join. */
export const INDICATOR_VALUE_COLUMNS = `
  v.id, v.indicator_id AS "indicatorId", i.name AS "indicatorName", i.unit, v.year, v.value::float8 AS value, v.note, v.status,
  v.department_id AS "departmentId", v.reported_by AS "reportedById", v.reported_at AS "reportedAt",
  v.reviewed_by AS "reviewedById", v.reviewed_at AS "reviewedAt", v.review_comment AS "reviewComment"
  FROM indicator_value v
  JOIN indicator i ON i.id = v.indicator_id`;

/** The values with their departments and people, read from identity in one batch each. */
export async function toValueResponses(users: UserDirectory, m: Sql, rows: IndicatorValueRow[]): Promise<IndicatorValueResponse[]> {
  const [departments, names] = await Promise.all([
    users.departments(m, rows.map((r) => r.departmentId)),
    users.displayNames(m, rows.flatMap((r) => [r.reportedById, r.reviewedById])),
  ]);
  return rows.map((r) => toValueResponse(r, departments.get(r.departmentId), names));
}

function toValueResponse(r: IndicatorValueRow, department: { code: string; name: string } | undefined, names: Map<string, string>): IndicatorValueResponse {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    indicatorName: r.indicatorName,
    unit: r.unit,
    year: r.year,
    value: r.value,
    note: r.note,
    status: r.status,
    department: { id: r.departmentId, code: department?.code ?? '', name: department?.name ?? '' },
    reportedBy: { id: r.reportedById, displayName: names.get(r.reportedById) ?? '' },
    reportedAt: new Date(r.reportedAt).toISOString(),
    reviewedBy: r.reviewedById ? { id: r.reviewedById, displayName: names.get(r.reviewedById) ?? '' } : null,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    reviewComment: r.reviewComment,
  };
}
