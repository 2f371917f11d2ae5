/**
 * What the owner's uploaded files (clips, sounds) share over HTTP: who may use the API, a change
 * answered as JSON, the raw-body upload with its name in a header, and finding a stored file for
 * a page. Each file kind keeps its own routes and limits (clips.ts, sounds.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/protocol/ack';
import type { Role } from '../../shared/protocol/roles';
import { readBody } from './read-body';
import { sendError, sendJson } from './respond';

/** What a library answers to an upload, a removal or a settings change. */
export type UploadChange<State> =
  | { ok: true; state: State }
  | { ok: false; status: number; code: ErrorCode; message: string };

export function answerChange<State>(res: ServerResponse, change: UploadChange<State>): void {
  if (change.ok) sendJson(res, 200, { ok: true, data: change.state });
  else sendError(res, change.status, change.code, change.message);
}

/**
 * Owners and moderators use the API (moderators read); any other token, or none, is refused.
 * Answers and returns false when refused.
 */
export function mayUseUploads(
  role: Role | null,
  req: IncomingMessage,
  res: ServerResponse,
  noun: string,
): role is 'owner' | 'moderator' {
  if (role === null) {
    sendError(res, 401, 'UNAUTHORIZED', 'send an owner or moderator token');
    return false;
  }
  if (role !== 'owner' && role !== 'moderator') {
    req.resume();
    sendError(res, 403, 'FORBIDDEN', `the ${role} role may not use ${noun}`);
    return false;
  }
  return true;
}

/** Changing the files is the owner's: they are written to the owner's disk. */
export function mayChangeUploads(
  role: 'owner' | 'moderator',
  req: IncomingMessage,
  res: ServerResponse,
  noun: string,
): boolean {
  if (role === 'owner') return true;
  req.resume();
  sendError(res, 403, 'FORBIDDEN', `only the owner may change the ${noun}`);
  return false;
}

/**
 * `PUT` of one file: the raw body, at most `maxBytes` (larger closes the connection with
 * TOO_LARGE), its name URI-encoded in `nameHeader`, handed to `put`.
 */
export async function receiveUpload<State>(
  req: IncomingMessage,
  res: ServerResponse,
  upload: {
    maxBytes: number;
    noun: string;
    nameHeader: string;
    put(body: Buffer, name: string): UploadChange<State>;
  },
): Promise<void> {
  const body = await readBody(req, upload.maxBytes);
  if (!body) {
    res.setHeader('connection', 'close');
    return sendError(res, 413, 'TOO_LARGE', `a ${upload.noun} is at most ${upload.maxBytes} bytes`);
  }
  let name = String(req.headers[upload.nameHeader] ?? '');
  try {
    name = decodeURIComponent(name);
  } catch {}
  answerChange(res, upload.put(body, name));
}

/**
 * The stored file a page asks for (`GET /<kind>/<id>`), for any page holding a token of the
 * stream but an ingest one; null once refused (no such file, or the wrong token).
 */
export function storedFile(
  role: Role | null,
  res: ServerResponse,
  filePath: string | null,
  noun: string,
): string | null {
  if (role === null || role === 'ingest') {
    sendError(res, 401, 'UNAUTHORIZED', 'send an overlay, owner or moderator token');
    return null;
  }
  if (!filePath) {
    sendError(res, 404, 'NOT_FOUND', `no such ${noun}`);
    return null;
  }
  return filePath;
}
