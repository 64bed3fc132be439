import type { IndicatorValueResponse, IndicatorValueStatus } from '@luoshi/contracts';

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
  departmentCode: string;
  departmentName: string;
  reportedById: string;
  reportedByName: string;
  reportedAt: Date;
  reviewedById: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

/** `SELECT ${INDICATOR_VALUE_COLUMNS} WHERE …` — the columns of IndicatorValueRow and their joins. */
export const INDICATOR_VALUE_COLUMNS = `
  v.id, v.indicator_id AS "indicatorId", i.name AS "indicatorName", i.unit, v.year, v.value::float8 AS value, v.note, v.status,
  d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
  r.id AS "reportedById", r.display_name AS "reportedByName", v.reported_at AS "reportedAt",
  c.id AS "reviewedById", c.display_name AS "reviewedByName", v.reviewed_at AS "reviewedAt", v.review_comment AS "reviewComment"
  FROM indicator_value v
  JOIN indicator i ON i.id = v.indicator_id
  JOIN department d ON d.id = v.department_id
  JOIN app_user r ON r.id = v.reported_by
  LEFT JOIN app_user c ON c.id = v.reviewed_by`;

export function toValueResponse(r: IndicatorValueRow): IndicatorValueResponse {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    indicatorName: r.indicatorName,
    unit: r.unit,
    year: r.year,
    value: r.value,
    note: r.note,
    status: r.status,
    department: { id: r.departmentId, code: r.departmentCode, name: r.departmentName },
    reportedBy: { id: r.reportedById, displayName: r.reportedByName },
    reportedAt: new Date(r.reportedAt).toISOString(),
    reviewedBy: r.reviewedById ? { id: r.reviewedById, displayName: r.reviewedByName ?? '' } : null,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    reviewComment: r.reviewComment,
  };
}
