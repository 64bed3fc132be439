import { DomainException } from '@luoshi/server/platform';
import { MAX_PLAN_LINES } from '@luoshi/domain/plan-parser';

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
  PDF_NO_TEXT = 'PLAN_PDF_NO_TEXT',
  PDF_ENCRYPTED = 'PLAN_PDF_ENCRYPTED',
  PDF_INVALID = 'PLAN_PDF_INVALID',
  PDF_TOO_MANY_PAGES = 'PLAN_PDF_TOO_MANY_PAGES',
  DOC_INVALID = 'PLAN_DOC_INVALID',
  TOO_LONG = 'PLAN_TOO_LONG',
  UNCOMPRESSED_TOO_LARGE = 'PLAN_UNCOMPRESSED_TOO_LARGE',
  MAPPING_TARGET = 'PLAN_MAPPING_TARGET',
  UNKNOWN_DEPARTMENT = 'PLAN_UNKNOWN_DEPARTMENT',
  DEPARTMENT_NAME_TAKEN = 'PLAN_DEPARTMENT_NAME_TAKEN',
  DEPARTMENT_CODE_TAKEN = 'PLAN_DEPARTMENT_CODE_TAKEN',
}

export class PlanException extends DomainException {
  static fileMissing() {
    return new PlanException(400, PlanErrorCode.FILE_MISSING, '请上传文件（表单字段 file）', 'Upload the document as multipart field "file"');
  }
  static fileEmpty() {
    return PlanException.emptyUpload(PlanErrorCode.FILE_EMPTY);
  }
  static fileTooLarge(limitBytes: number) {
    return PlanException.uploadTooLarge(PlanErrorCode.FILE_TOO_LARGE, limitBytes);
  }
  static fileType(name: string) {
    return new PlanException(
      415,
      PlanErrorCode.FILE_TYPE,
      `不支持的文件类型：${name}（支持 .txt、.md、.docx、.doc、.pdf）`,
      `Unsupported file type: ${name} (use .txt, .md, .docx, .doc or .pdf)`,
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
    return PlanException.missing(PlanErrorCode.PLAN_NOT_FOUND, { zh: '计划', en: 'Plan' }, id);
  }
  static nodeNotFound(id: string) {
    return PlanException.missing(PlanErrorCode.NODE_NOT_FOUND, { zh: '计划条目', en: 'Plan node' }, id);
  }
  static correctionNotFound(id: string) {
    return PlanException.missing(PlanErrorCode.CORRECTION_NOT_FOUND, { zh: '校正词条', en: 'Correction entry' }, id);
  }
  static pdfNoText(pages: number) {
    return new PlanException(
      422,
      PlanErrorCode.PDF_NO_TEXT,
      `PDF 共 ${pages} 页，但没有可提取的文字（可能是扫描件或图片）。请先用 OCR 文字识别转成文字版 PDF 或 Word 后再导入`,
      `The PDF has ${pages} pages but no extractable text (a scan or images). Run OCR (text recognition) first and import the resulting text PDF or Word file`,
    );
  }
  static pdfEncrypted() {
    return new PlanException(
      422,
      PlanErrorCode.PDF_ENCRYPTED,
      'PDF 已加密（需要密码才能打开），请导出未加密的版本后再导入',
      'The PDF is encrypted (it needs a password to open); export an unencrypted copy and import that',
    );
  }
  static pdfInvalid(reason: string) {
    return new PlanException(400, PlanErrorCode.PDF_INVALID, `不是有效的 PDF 文件：${reason}`, `Not a valid PDF file: ${reason}`);
  }
  static pdfTooManyPages(pages: number, limit: number) {
    return new PlanException(
      413,
      PlanErrorCode.PDF_TOO_MANY_PAGES,
      `PDF 共 ${pages} 页，超过 ${limit} 页上限`,
      `The PDF has ${pages} pages, more than the ${limit}-page limit`,
    );
  }
  static tooLong(message: string) {
    return new PlanException(413, PlanErrorCode.TOO_LONG, message, `The file has more lines than any plan (limit ${MAX_PLAN_LINES} non-empty lines)`);
  }
  static docInvalid(reason: string) {
    return new PlanException(400, PlanErrorCode.DOC_INVALID, `不是有效的 Word 97-2003 (.doc) 文件：${reason}`, `Not a valid Word 97-2003 (.doc) file: ${reason}`);
  }
  static uncompressedTooLarge(limitBytes: number) {
    const mb = Math.round(limitBytes / 1024 / 1024);
    return new PlanException(
      413,
      PlanErrorCode.UNCOMPRESSED_TOO_LARGE,
      `文件解压后超过 ${mb} MB 上限，已拒绝读取`,
      `The file inflates past the ${mb} MB uncompressed limit and was not read`,
    );
  }
  static mappingTarget() {
    return new PlanException(
      400,
      PlanErrorCode.MAPPING_TARGET,
      '请选择一个已有部门（departmentCode）或新建部门（create），二者选一',
      'Give either departmentCode (an existing department) or create (a new one)',
    );
  }
  static unknownDepartment(code: string) {
    return new PlanException(400, PlanErrorCode.UNKNOWN_DEPARTMENT, `未知部门“${code}”`, `Unknown department "${code}"`, { department: code });
  }
  static departmentNameTaken(name: string, holder: string) {
    return new PlanException(
      409,
      PlanErrorCode.DEPARTMENT_NAME_TAKEN,
      `名称“${name}”已对应部门“${holder}”`,
      `The name "${name}" already belongs to "${holder}"`,
      { name, department: holder },
    );
  }
  static departmentCodeTaken(code: string) {
    return new PlanException(409, PlanErrorCode.DEPARTMENT_CODE_TAKEN, `部门编码“${code}”已被使用`, `Department code "${code}" is taken`, { code });
  }
}
