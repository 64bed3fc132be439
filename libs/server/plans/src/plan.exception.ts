import { DomainException } from '@luoshi/server/platform';

export enum PlanErrorCode {
  FILE_MISSING = 'PLAN_FILE_MISSING',
  FILE_EMPTY = 'PLAN_FILE_EMPTY',
  FILE_TOO_LARGE = 'PLAN_FILE_TOO_LARGE',
  FILE_TYPE = 'PLAN_FILE_TYPE',
  FILE_BINARY = 'PLAN_FILE_BINARY',
  DOCX_INVALID = 'PLAN_DOCX_INVALID',
  NO_STRUCTURE = 'PLAN_NO_STRUCTURE',
  REMOVALS_NEED_CONFIRMATION = 'PLAN_REMOVALS_NEED_CONFIRMATION',
  PLAN_NOT_FOUND = 'PLAN_NOT_FOUND',
  NODE_NOT_FOUND = 'PLAN_NODE_NOT_FOUND',
  CORRECTION_NOT_FOUND = 'PLAN_CORRECTION_NOT_FOUND',
}

export class PlanException extends DomainException {
  static fileMissing() {
    return new PlanException(400, PlanErrorCode.FILE_MISSING, '请上传文件（表单字段 file）', 'Upload the document as multipart field "file"');
  }
  static fileEmpty() {
    return new PlanException(400, PlanErrorCode.FILE_EMPTY, '文件为空', 'The file is empty');
  }
  static fileTooLarge(limitBytes: number) {
    const mb = Math.round(limitBytes / 1024 / 1024);
    return new PlanException(413, PlanErrorCode.FILE_TOO_LARGE, `文件超过 ${mb} MB 上限`, `The file exceeds the ${mb} MB limit`);
  }
  static fileType(name: string) {
    return new PlanException(
      415,
      PlanErrorCode.FILE_TYPE,
      `不支持的文件类型：${name}（支持 .txt、.md、.docx）`,
      `Unsupported file type: ${name} (use .txt, .md or .docx)`,
    );
  }
  static binary() {
    return new PlanException(400, PlanErrorCode.FILE_BINARY, '文件不是文本文档（含二进制内容）', 'The file is not a text document (binary content)');
  }
  static docxInvalid(reason: string) {
    return new PlanException(400, PlanErrorCode.DOCX_INVALID, `不是有效的 .docx 文件：${reason}`, `Not a valid .docx file: ${reason}`);
  }
  static noStructure(message: string) {
    return new PlanException(422, PlanErrorCode.NO_STRUCTURE, message, 'No recognizable plan structure (headings or measures) found');
  }
  static removalsNeedConfirmation(codes: string[]) {
    return new PlanException(
      409,
      PlanErrorCode.REMOVALS_NEED_CONFIRMATION,
      `新版本删除了 ${codes.length} 条内容（${codes.slice(0, 10).join('、')}），请确认后再导入（confirmRemovals=true）`,
      `The new version removes ${codes.length} nodes; confirm with confirmRemovals=true`,
      { removed: codes },
    );
  }
  static planNotFound(id: string) {
    return new PlanException(404, PlanErrorCode.PLAN_NOT_FOUND, `计划不存在：${id}`, `Plan not found: ${id}`);
  }
  static nodeNotFound(id: string) {
    return new PlanException(404, PlanErrorCode.NODE_NOT_FOUND, `计划条目不存在：${id}`, `Plan node not found: ${id}`);
  }
  static correctionNotFound(id: string) {
    return new PlanException(404, PlanErrorCode.CORRECTION_NOT_FOUND, `校正词条不存在：${id}`, `Correction entry not found: ${id}`);
  }
}
