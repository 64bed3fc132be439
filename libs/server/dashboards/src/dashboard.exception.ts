import { DomainException } from '@luoshi/server/platform';

/** Refusals of the dashboards, the evaluation, the bulletins and the public summary. */
export class DashboardException extends DomainException {
  static planNotFound(id: string) {
    return DashboardException.missing('DASHBOARD_PLAN_NOT_FOUND', { zh: '计划', en: 'Plan' }, id);
  }
  static noPlan() {
    return new DashboardException(404, 'DASHBOARD_NO_PLAN', '尚未导入行动方案', 'No active action plan has been imported');
  }
  static unknownDepartment(code: string) {
    return DashboardException.unknownDepartmentIn('DASHBOARD_UNKNOWN_DEPARTMENT', 'department', code);
  }
  static departmentNotFound(code: string) {
    return DashboardException.missing('DASHBOARD_DEPARTMENT_NOT_FOUND', { zh: '部门', en: 'Department' }, code);
  }
  static scopeForbidden() {
    return new DashboardException(
      403,
      'DASHBOARD_SCOPE_FORBIDDEN',
      '部门用户只能查看本单位牵头或配合任务的统计',
      'Department users see only the figures of the tasks their department leads or co-handles',
    );
  }
  static evaluationForbidden() {
    return new DashboardException(
      403,
      'EVALUATION_FORBIDDEN',
      '只能查看本单位的考核得分明细',
      'Department users see only their own department’s score',
    );
  }
  static weightsInvalid(problems: string[]) {
    return new DashboardException(400, 'EVALUATION_WEIGHTS_INVALID', `考核权重有误：${problems.join('；')}`, `Invalid weights: ${problems.join('; ')}`, {
      problems,
    });
  }
  static badPeriod(period: string) {
    return new DashboardException(
      400,
      'BULLETIN_BAD_PERIOD',
      `通报期次“${period}”格式错误或尚未开始，应为 YYYY-MM（如 2026-11）`,
      `Period "${period}" is malformed or in the future; use YYYY-MM`,
      { field: 'period' },
    );
  }
  static publicSummaryOff() {
    return new DashboardException(404, 'PUBLIC_SUMMARY_OFF', '公开进展页面未开放', 'The public summary is switched off');
  }
}
