import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, QueryFailedError } from 'typeorm';
import type { AuthUser } from './access-policy';
import { ACCESS_ERRORS, type ApiErrorResponse } from '@luoshi/contracts';
import { AUDIT_TRAIL, type AuditTrail } from './audit-trail';
import { DomainException } from './domain.exception';
import { isConnectionFailure } from './database/connection-failure';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

const STATUS_CODES: Readonly<Record<number, readonly [string, string, string]>> = {
  400: ['BAD_REQUEST', '请求无效', 'Bad request'],
  ...ACCESS_ERRORS,
  409: ['CONFLICT', '数据已被他人修改，请刷新后重试', 'Conflict: the data changed, reload and retry'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大', 'Request body too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'Unsupported media type'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试', 'Too many requests, try again later'],
};

/** Maps every error to the one shape {statusCode, code, message}; never leaks a stack trace. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_TRAIL) private readonly auditTrail: AuditTrail,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string; user?: AuthUser }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    body.requestId = request?.id ? String(request.id) : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    }
    // A refusal is recorded before it is answered (the refused work itself rolled back).
    if (body.statusCode === 403 && request) await this.recordRefusal(request, body);
    if (response.headersSent) return;
    if (body.statusCode === 429) response.setHeader('Retry-After', String(retryAfterSeconds(body)));
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  /** An audit row for a 403: who (the signed-in user), what (method and route), why (code and message). */
  private async recordRefusal(request: Request & { id?: string; user?: AuthUser }, body: ApiErrorResponse): Promise<void> {
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    try {
      await this.auditTrail.record(
        this.dataSource,
        { user: request.user ?? null, requestId: body.requestId ?? null, ip: request.ip ?? null },
        {
          action: 'access.denied',
          subjectType: 'route',
          subjectId: `${request.method} ${route}`.slice(0, 300),
          after: { code: body.code, reason: body.message, reasonEn: body.messageEn, path: request.path.slice(0, 500), params: request.params ?? {} },
        },
      );
    } catch (error) {
      // The refusal still answers 403; a database outage shows in the logs instead.
      this.logger.warn({ err: error, requestId: body.requestId }, 'could not record a refused request in the audit log');
    }
  }

  private toBody(exception: unknown): ApiErrorResponse {
    if (exception instanceof DomainException) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        messageEn: exception.messageEn,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const [code, zh, en] = STATUS_CODES[status] ?? ['ERROR', '请求失败', 'Request failed'];
      if (typeof raw === 'object' && raw !== null && 'code' in raw) {
        return { statusCode: status, ...(raw as Omit<ApiErrorResponse, 'statusCode'>) };
      }
      const detail = typeof raw === 'object' && raw !== null ? (raw as { message?: unknown }).message : raw;
      return {
        statusCode: status,
        code,
        message: zh,
        messageEn: typeof detail === 'string' && detail !== exception.name ? detail : en,
      };
    }
    const parserError = describeBodyParserError(exception);
    if (parserError) return parserError;
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception as QueryFailedError & { code?: string }).code;
      if (pgCode === '23505') {
        return { statusCode: 409, code: 'DUPLICATE', message: '数据已存在', messageEn: 'Already exists' };
      }
      if (pgCode === '23503') {
        return { statusCode: 409, code: 'REFERENCED', message: '数据仍被引用或引用不存在', messageEn: 'Referenced row missing or in use' };
      }
      if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
        return { statusCode: 400, code: 'BAD_VALUE', message: '参数格式错误', messageEn: 'Malformed value' };
      }
    }
    if (isConnectionFailure(exception)) {
      // The request failed whole (no transaction committed); the client may retry shortly.
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试', messageEn: 'The database is unavailable for a moment, retry shortly' };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL',
      message: '服务器内部错误',
      messageEn: 'Internal server error',
    };
  }
}

/** Seconds a 429 asks the client to wait: the refusal's own `retryAfterSeconds`, else a minute. */
function retryAfterSeconds(body: ApiErrorResponse): number {
  const seconds = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

/** Express body-parser failures (malformed JSON, too large) as the API error shape, or null. */
export function describeBodyParserError(exception: unknown): ApiErrorResponse | null {
  const parserError = exception as BodyParserError;
  if (parserError?.type === 'entity.parse.failed') {
    return { statusCode: 400, code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON', messageEn: 'Malformed JSON body' };
  }
  if (parserError?.type === 'entity.too.deep') {
    return { statusCode: 400, code: 'JSON_TOO_DEEP', message: '请求体嵌套层级过深', messageEn: 'JSON body nested too deeply' };
  }
  if (parserError?.type === 'entity.too.large') {
    return {
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `请求内容过大（上限 ${parserError.limit ?? ''} 字节）`,
      messageEn: `Request body too large (limit ${parserError.limit ?? ''} bytes)`,
    };
  }
  if (parserError?.type && parserError.status && parserError.status < 500) {
    return { statusCode: parserError.status, code: 'BAD_REQUEST', message: '请求无效', messageEn: parserError.type };
  }
  return null;
}

/** Express error middleware placed right after the body parsers, before Nest rewrites their errors. */
export function bodyParserErrorHandler(error: unknown, req: Request & { id?: string }, res: Response, next: (err?: unknown) => void): void {
  const body = describeBodyParserError(error);
  if (!body) return next(error);
  res.status(body.statusCode).json({ ...body, requestId: req.id });
}
