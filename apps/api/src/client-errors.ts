import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over the 16 KB
 * limit: 431; malformed requests: 400) still answer in the API's error shape.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    // A request id like every other answer's (no request object exists yet: a fresh one, for the logs too).
    const requestId = randomUUID();
    const body = JSON.stringify(
      tooLarge
        ? { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: '请求地址或请求头过长', messageEn: 'Request URL or headers too large', requestId }
        : { statusCode: 400, code: 'BAD_REQUEST', message: '请求格式错误', messageEn: 'Malformed HTTP request', requestId },
    );
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nx-request-id: ${requestId}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
