import type { WorkflowError } from '@luoshi/domain/workflow';
import { DomainException } from '@luoshi/server/platform';

/** Errors of progress reports, evidence and special action plans. */
export class ReportException extends DomainException {
  static notFound(what: string, id: string, code = 'REPORT_NOT_FOUND') {
    return new ReportException(404, code, `${what}不存在：${id}`, `Not found: ${id}`);
  }
  static evidenceNotFound(id: string) {
    return ReportException.notFound('材料', id, 'EVIDENCE_NOT_FOUND');
  }
  static sapNotFound(id: string) {
    return ReportException.notFound('专项行动计划', id, 'SPECIAL_ACTION_PLAN_NOT_FOUND');
  }
  static sapPlanNotFound(planId: string) {
    return ReportException.notFound('计划', planId, 'SPECIAL_ACTION_PLAN_PLAN_NOT_FOUND');
  }
  static forbidden(reason: string, reasonEn: string) {
    return new ReportException(403, 'REPORT_FORBIDDEN', reason, reasonEn);
  }
  static stale(currentVersion: number, sentVersion: number) {
    return new ReportException(
      409,
      'REPORT_STALE',
      `已被他人修改（当前版本 ${currentVersion}，提交版本 ${sentVersion}），请刷新后重试`,
      `Changed meanwhile (current version ${currentVersion}, sent ${sentVersion}); reload and retry`,
      { currentVersion },
    );
  }
  static invalidTransition(error: WorkflowError) {
    return ReportException.passThrough(409, 'REPORT_INVALID_TRANSITION', error);
  }
  static periodLocked(locksOn: string) {
    return new ReportException(
      409,
      'REPORT_PERIOD_LOCKED',
      `该报告期已于 ${locksOn} 锁定（超过报送宽限期），不能再填报；如需补报请联系办公室`,
      `The reporting period locked on ${locksOn} (grace window passed)`,
      { locksOn },
    );
  }
  static incomplete(fields: string[]) {
    return new ReportException(400, 'REPORT_INCOMPLETE', `请先填写：${fields.join('、')}`, `Fill in before submitting: ${fields.join(', ')}`, { fields });
  }
  static redExplanationRequired() {
    return new ReportException(
      400,
      'REPORT_RED_EXPLANATION_REQUIRED',
      '任务已亮红灯（逾期），提交前须填写逾期说明（redExplanation）',
      'The task is red (overdue): redExplanation is required',
      { field: 'redExplanation' },
    );
  }
  static nothingToMerge() {
    return new ReportException(409, 'REPORT_NOTHING_TO_MERGE', '没有待合并的配合单位材料', 'No unmerged contributions');
  }
  static evidenceFileMissing() {
    return new ReportException(400, 'EVIDENCE_FILE_MISSING', '请上传文件（表单字段 file）', 'Upload the file as multipart field "file"');
  }
  static evidenceEmpty() {
    return ReportException.emptyUpload('EVIDENCE_EMPTY');
  }
  static evidenceTooLarge(limitBytes: number) {
    return ReportException.uploadTooLarge('EVIDENCE_TOO_LARGE', limitBytes);
  }
  static badFileName(reason: string, reasonEn: string) {
    return new ReportException(400, 'EVIDENCE_BAD_FILE_NAME', `文件名无效：${reason}`, `Invalid file name: ${reasonEn}`);
  }
  static typeUnsupported(allowed: string[], detail: string) {
    return new ReportException(
      415,
      'EVIDENCE_TYPE_UNSUPPORTED',
      `不支持的文件类型：${detail}（只接受 ${allowed.join('、')}）`,
      `Unsupported file type (accepted: ${allowed.join(', ')})`,
      { allowed },
    );
  }
  static typeMismatch(claimed: string, actual: string) {
    return new ReportException(
      415,
      'EVIDENCE_TYPE_MISMATCH',
      `文件内容是${actual}，与扩展名 .${claimed} 不符`,
      `The file's content does not match its extension .${claimed}`,
      { claimed },
    );
  }
  static ownerLocked(reason: string) {
    return new ReportException(409, 'EVIDENCE_OWNER_LOCKED', reason, 'The item can no longer be changed');
  }
  static taskNotOpen(status: string) {
    return new ReportException(409, 'REQUEST_TASK_NOT_OPEN', `任务当前状态（${status}）不能提出此申请`, `Not allowed while the task is ${status}`, { status });
  }
  static sapDraftMissing() {
    return new ReportException(400, 'SPECIAL_ACTION_PLAN_DRAFT_MISSING', '请先上传专项行动计划草案（.docx、.txt 或 .md）', 'Upload the draft first');
  }
  static sapNotApproved() {
    return new ReportException(409, 'SPECIAL_ACTION_PLAN_NOT_APPROVED', '专项行动计划尚未经领导审定，不能导入', 'The special action plan is not approved yet');
  }
  static sapAlreadyImported(childPlanId: string) {
    return new ReportException(409, 'SPECIAL_ACTION_PLAN_ALREADY_IMPORTED', '该专项行动计划已导入为子计划', 'Already imported as a child plan', { childPlanId });
  }
}
