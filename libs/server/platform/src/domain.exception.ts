/** A capability's exception class, constructed as DomainException is. */
type ExceptionClass<E> = new (status: number, code: string, message: string, messageEn: string, details?: unknown) => E;

/** A 400 about one request field: both messages open with the field's name, details.field names it. */
const fieldRefusal = <E>(cls: ExceptionClass<E>, code: string, field: string, message: string, messageEn: string, details?: Record<string, unknown>): E =>
  new cls(400, code, `${field}: ${message}`, `${field}: ${messageEn}`, { field, ...details });

/** What a message names, in both languages: { zh: '计划', en: 'Plan' }. */
export interface ErrorNoun {
  zh: string;
  en: string;
}

/**
 * The base of every capability's exception (TaskException, IdentityException …). It carries an
 * HTTP status, a stable code and a Chinese and English message; the exception filter maps it once.
 * The static builders below word the refusals several capabilities share once, each under its own
 * class and code: `TaskException.missing(TaskErrorCode.NOT_FOUND, { zh: '任务', en: 'Task' }, id)`.
 * A capability names its codes in an enum only where other code reads them (TaskErrorCode in the
 * assignment checks, ApprovalErrorCode.STALE …); otherwise each code stands once, in its builder.
 */
export class DomainException extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly messageEn: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** 404 `任务不存在：<id>` / `Task not found: <id>`. */
  static missing<E>(this: ExceptionClass<E>, code: string, noun: ErrorNoun, id: string): E {
    return new this(404, code, `${noun.zh}不存在：${id}`, `${noun.en} not found: ${id}`);
  }

  /** A domain library's refusal (a WorkflowError …) with its own messages and details. */
  static passThrough<E>(this: ExceptionClass<E>, status: number, code: string, error: { message: string; messageEn: string; details?: unknown }): E {
    return new this(status, code, error.message, error.messageEn, error.details);
  }

  /** 400 `<field>: <message>` in both languages, details { field, ...details }: one request field refused. */
  static badField<E>(this: ExceptionClass<E>, code: string, field: string, message: string, messageEn: string, details?: Record<string, unknown>): E {
    return fieldRefusal(this, code, field, message, messageEn, details);
  }

  /** 400 `department: 未知部门“x”` / `department: unknown department "x"`: a code the directory does not know. */
  static unknownDepartmentIn<E>(this: ExceptionClass<E>, code: string, field: string, department: string, details?: Record<string, unknown>): E {
    return fieldRefusal(this, code, field, `未知部门“${department}”`, `unknown department "${department}"`, details);
  }

  /** 400: an uploaded file with no bytes. */
  static emptyUpload<E>(this: ExceptionClass<E>, code: string): E {
    return new this(400, code, '文件为空', 'The file is empty');
  }

  /** 413: an uploaded file over the endpoint's limit, named in whole megabytes. */
  static uploadTooLarge<E>(this: ExceptionClass<E>, code: string, limitBytes: number): E {
    const mb = Math.round(limitBytes / 1024 / 1024);
    return new this(413, code, `文件超过 ${mb} MB 上限`, `The file exceeds the ${mb} MB limit`);
  }
}
