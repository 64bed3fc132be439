import { HttpErrorResponse } from '@angular/common/http';
import { ACCESS_ERRORS, type ApiErrorResponse } from '@luoshi/contracts';

/** Every failed API call surfaces as this one typed error (see ApiErrorResponse in @luoshi/contracts). */
export class ApiError extends Error implements ApiErrorResponse {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly code: string;
  readonly messageEn?: string;
  readonly requestId?: string;
  readonly details?: unknown;

  constructor(body: ApiErrorResponse) {
    super(body.message);
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.messageEn = body.messageEn;
    this.requestId = body.requestId;
    this.details = body.details;
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorResponse {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<Record<keyof ApiErrorResponse, unknown>>;
  return typeof body.statusCode === 'number' && typeof body.code === 'string' && typeof body.message === 'string';
}

const FALLBACKS: Record<number, readonly [string, string, string]> = {
  0: ['NETWORK_ERROR', '无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and retry'],
  ...ACCESS_ERRORS,
  502: ['BAD_GATEWAY', '服务暂不可用，请稍后再试', 'The service is unavailable, try again later'],
  503: ['UNAVAILABLE', '服务暂不可用，请稍后再试', 'The service is unavailable, try again later'],
  504: ['GATEWAY_TIMEOUT', '服务响应超时，请稍后再试', 'The service timed out, try again later'],
};

/** Maps anything thrown by HttpClient (or our own code) to an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpErrorResponse) {
    if (isApiErrorBody(error.error)) return new ApiError(error.error);
    const [code, message, messageEn] = FALLBACKS[error.status] ?? [
      'HTTP_ERROR',
      `请求失败（${error.status}）`,
      `Request failed (${error.status})`,
    ];
    const requestId = error.headers?.get('x-request-id') ?? undefined;
    return new ApiError({ statusCode: error.status, code, message, messageEn, requestId });
  }
  return new ApiError({
    statusCode: 0,
    code: 'CLIENT_ERROR',
    message: '页面出现错误，请刷新后重试',
    messageEn: error instanceof Error ? error.message : 'Unexpected error in the page; reload and retry',
  });
}
