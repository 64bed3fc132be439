import type { BulletinResponse } from './dashboards';
import { INDICATOR_STATUS_LABELS, INDICATOR_STATUSES } from './indicators';

/**
 * The bulletin (工作通报) is an official Chinese document: the API's .docx and .xlsx and the web's
 * printable page say exactly the same sentences in either UI language, so they are written once here.
 */

/** The bulletin's five sections, headings as printed (.docx headings, .xlsx sheet names, page headings). */
export const BULLETIN_SECTIONS = ['一、总体进展', '二、本期办结事项', '三、逾期任务情况', '四、指标监测', '五、考核排名'] as const;
export type BulletinSection = (typeof BULLETIN_SECTIONS)[number];

/** 2026-11-28 → 2026年11月28日 */
export function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** 0.1084 → "10.8%"; null → "—". */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** The sentences under each heading. */
export function bulletinSentences(b: BulletinResponse): Record<BulletinSection, string> {
  const o = b.overall;
  const overdueTasks = b.overdueByDepartment.reduce((s, d) => s + d.tasks, 0);
  // Counted by status, in the statuses' order, each under its label: 已达标3项，进度正常5项，…
  const byStatus = INDICATOR_STATUSES.map((status) => `${INDICATOR_STATUS_LABELS[status]}${b.indicators.filter((i) => i.status === status).length}项`).join('，');
  return {
    '一、总体进展':
      `截至${chineseDate(b.asOf)}，《${b.plan.title}》共分解任务${o.total}项，已办结${o.completed}项，办结率${percentText(o.completionRate)}；` +
      `红灯（逾期）${o.red}项，黄灯${o.amber}项，绿灯${o.green}项。`,
    '二、本期办结事项': `本期（${chineseDate(b.periodStart)}至${chineseDate(b.periodEnd)}）共办结任务${b.completedInPeriod.length}项。`,
    '三、逾期任务情况': `截至${chineseDate(b.asOf)}，共有${overdueTasks}项任务逾期，涉及${b.overdueByDepartment.length}个牵头单位。`,
    '四、指标监测':
      `纳入监测的指标${b.indicators.length}项：${byStatus}。`,
    '五、考核排名': `参与考核的单位${b.ranking.length}个，以按时签收、按时报送、逾期情况、办结率四项加权计分（满分100分）。`,
  };
}
