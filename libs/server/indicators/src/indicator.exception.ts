import { DomainException } from '@luoshi/server/platform';

/** Refusals of indicators and their reported values. */
export class IndicatorException extends DomainException {
  static notFound(id: string) {
    return IndicatorException.missing('INDICATOR_NOT_FOUND', { zh: '指标', en: 'Indicator' }, id);
  }
  static planNotFound(id: string) {
    return IndicatorException.missing('INDICATOR_PLAN_NOT_FOUND', { zh: '计划', en: 'Plan' }, id);
  }
  static valueNotFound(id: string) {
    return IndicatorException.missing('INDICATOR_VALUE_NOT_FOUND', { zh: '指标填报记录', en: 'Indicator value' }, id);
  }
  static forbidden(reason: string, reasonEn: string) {
    return new IndicatorException(403, 'INDICATOR_FORBIDDEN', reason, reasonEn);
  }
  static noDepartment() {
    return new IndicatorException(
      409,
      'INDICATOR_NO_DEPARTMENT',
      '该指标尚未明确责任单位，请先由办公室指定',
      'The indicator has no responsible department yet; the office assigns one first',
    );
  }
  static valuePending(year: number) {
    return new IndicatorException(
      409,
      'INDICATOR_VALUE_PENDING',
      `${year} 年的数值已报送、正在审核，审核完成前不能重复报送`,
      `A value for ${year} is already waiting for review`,
      { year },
    );
  }
  static valueDecided(status: string) {
    return new IndicatorException(409, 'INDICATOR_VALUE_DECIDED', '该填报已审核，不能重复处理', `The value was already reviewed (${status})`, {
      status,
    });
  }
  static badYear(year: number, currentYear: number) {
    return IndicatorException.badField('INDICATOR_BAD_YEAR', 'year', `${year} 年尚未结束，只能报送 ${currentYear} 年及以前的数值`, `only years up to ${currentYear} can be reported`);
  }
  static unknownDepartment(code: string) {
    return IndicatorException.unknownDepartmentIn('INDICATOR_UNKNOWN_DEPARTMENT', 'responsibleDepartmentCode', code);
  }
  static baselineIncomplete() {
    return new IndicatorException(
      400,
      'INDICATOR_BASELINE_INCOMPLETE',
      '基期值和基期年份须同时填写或同时清空',
      'baseline and baselineYear are set or cleared together',
      { field: 'baseline' },
    );
  }
  static commentRequired() {
    return IndicatorException.badField('INDICATOR_COMMENT_REQUIRED', 'comment', '退回时须说明理由', 'a return needs a reason');
  }
}
