/** The one error shape every API error has. `message` is Chinese first; `messageEn` the English. */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  messageEn?: string;
  requestId?: string;
  details?: unknown;
}
