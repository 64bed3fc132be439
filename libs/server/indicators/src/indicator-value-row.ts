import type { IndicatorValueResponse } from '@luoshi/contracts';
import type { UserDirectory } from '@luoshi/server/identity';
import type { Sql } from '@luoshi/server/platform';

/** A reported value as the read queries return it: the response's own fields, with ids where it names departments and people. */
export interface IndicatorValueRow extends Omit<IndicatorValueResponse, 'department' | 'reportedBy' | 'reportedAt' | 'reviewedBy' | 'reviewedAt'> {
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
  const { departmentId, reportedById, reportedAt, reviewedById, reviewedAt, ...own } = r;
  return {
    ...own,
    department: { id: departmentId, code: department?.code ?? '', name: department?.name ?? '' },
    reportedBy: { id: reportedById, displayName: names.get(reportedById) ?? '' },
    reportedAt: new Date(reportedAt).toISOString(),
    reviewedBy: reviewedById ? { id: reviewedById, displayName: names.get(reviewedById) ?? '' } : null,
    reviewedAt: reviewedAt ? new Date(reviewedAt).toISOString() : null,
  };
}
