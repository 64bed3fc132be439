/** The one error shape every API error has. `message` is Chinese first; `messageEn` the English. */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  messageEn?: string;
  requestId?: string;
  details?: unknown;
}

/**
 * Codes and texts (Chinese, English) of the access errors the API answers with and the web falls back
 * to when a response carries no error body: one table, so both say the same.
 */
export const ACCESS_ERRORS: Readonly<Record<401 | 403 | 404, readonly [code: string, message: string, messageEn: string]>> = {
  401: ['UNAUTHENTICATED', '未登录或登录已过期', 'Not signed in or the session has expired'],
  403: ['FORBIDDEN', '无权执行此操作', 'You are not allowed to do this'],
  404: ['NOT_FOUND', '资源不存在', 'Not found'],
};
