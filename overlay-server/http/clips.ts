/**
 * Video clips over HTTP. The panel uploads (`PUT /api/clips`, the raw file as the body, its name
 * in `x-clip-name`) and removes (`DELETE /api/clips/<id>`) the owner's clips; overlays fetch a
 * stored clip same-origin with their token (`GET /clips/<id>`), in byte ranges as video players
 * ask. Changing the files is the owner's: they are written to the owner's disk.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../../shared/protocol/roles';
import { CLIP_LIMITS, type ClipLibrary } from '../clips/clip-library';
import { VIDEO_TYPES_BY_EXTENSION, type VideoExtension } from '../clips/video-type';
import {
  answerChange,
  mayChangeUploads,
  mayUseUploads,
  receiveUpload,
  storedFile,
} from './owner-uploads';
import { sendError, sendJson } from './respond';

/** `/api/clips…`: `role` is the token's role, null without a valid token. */
export async function clipsApi(
  clips: ClipLibrary,
  role: Role | null,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (!mayUseUploads(role, req, res, 'clips')) return;
  const method = req.method ?? 'GET';
  if (path === '/api/clips' && (method === 'GET' || method === 'HEAD')) {
    return sendJson(res, 200, { ok: true, data: clips.state() });
  }
  const removal = /^\/api\/clips\/([^/]+)$/.exec(path);
  if (!(path === '/api/clips' && method === 'PUT') && !(removal && method === 'DELETE')) {
    req.resume();
    return sendError(res, 404, 'NOT_FOUND', `nothing at ${method} ${path}`);
  }
  if (!mayChangeUploads(role, req, res, 'clips')) return;
  // Clip ids are plain ASCII (hash.ext): the path segment is taken as it is.
  if (removal) return answerChange(res, clips.remove(removal[1] ?? ''));
  return receiveUpload(req, res, {
    maxBytes: CLIP_LIMITS.maxBytes,
    noun: 'clip',
    nameHeader: 'x-clip-name',
    put: (body, name) => clips.put(body, name),
  });
}

/** `GET /clips/<id>`: a stored clip for any page holding a token; `Range` requests answered. */
export function serveClip(
  clips: ClipLibrary,
  role: Role | null,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): void {
  const path = storedFile(role, res, clips.filePath(id), 'clip');
  if (!path) return;
  const size = statSync(path).size;
  const extension = id.split('.').pop() as VideoExtension;
  const headers = {
    'content-type': VIDEO_TYPES_BY_EXTENSION[extension],
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    // Named by a hash of its content: it never changes.
    'cache-control': 'private, max-age=31536000, immutable',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  let start = 0;
  let end = size - 1;
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` });
      res.end();
      return;
    }
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': end - start + 1,
    });
  } else {
    res.writeHead(200, { ...headers, 'content-length': size });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path, { start, end }).pipe(res);
}
