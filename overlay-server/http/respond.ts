/** Small response helpers: every answer has an explicit type and no caching of live data. */
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/protocol/ack';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** Errors use the same codes as the socket acks. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  sendJson(res, status, { ok: false, code, message });
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
