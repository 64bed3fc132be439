import { DomainException } from '@luoshi/server/platform';

/** Errors of requests about a task (the extension and completion codes predate the shared table). */
export class RequestException extends DomainException {
  static notFound(id: string) {
    return new RequestException(404, 'REQUEST_NOT_FOUND', `申请不存在：${id}`, `Request ${id} not found`);
  }
  static forbidden(label: string) {
    return new RequestException(403, 'REQUEST_FORBIDDEN', `只有牵头单位的联络员或负责人可以提出${label}`, `Only the lead department's liaison or head may file this request`);
  }
  static openExists(label: string) {
    return new RequestException(409, 'REQUEST_OPEN_EXISTS', `该任务已有审批中的${label}`, `The task already has an open ${label}`);
  }
  static taskNotOpen(status: string) {
    return new RequestException(409, 'REQUEST_TASK_NOT_OPEN', `任务当前状态（${status}）不能提出此申请`, `Not allowed while the task is ${status}`, { status });
  }
  static noChange() {
    return new RequestException(400, 'REQUEST_NO_CHANGE', '变更申请至少要改动一项（任务内容、牵头或配合单位、完成时限）', 'A change request must change at least one field');
  }
  static badDepartment(field: string, message: string, messageEn: string) {
    return RequestException.badField('REQUEST_BAD_DEPARTMENT', field, message, messageEn);
  }
  static badDate(field: string, message: string, messageEn: string, code = 'REQUEST_BAD_DATE') {
    return RequestException.badField(code, field, message, messageEn);
  }
  static extensionNoDeadline() {
    return new RequestException(409, 'EXTENSION_NO_DEADLINE', '任务没有完成时限（长期任务），无需申请延期', 'The task has no due date');
  }
  static completionEvidenceRequired() {
    return new RequestException(
      400,
      'COMPLETION_EVIDENCE_REQUIRED',
      '申请办结须附至少一份佐证材料（先上传到任务）',
      'A completion request needs at least one evidence file uploaded to the task',
    );
  }
  static completionBadEvidence(id: string) {
    return new RequestException(400, 'COMPLETION_BAD_EVIDENCE', `佐证材料不属于该任务：${id}`, `Evidence ${id} is not this task's`, { evidenceId: id });
  }
}
