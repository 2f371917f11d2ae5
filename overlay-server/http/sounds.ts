/**
 * Sounds over HTTP. The panel uploads (`PUT /api/sounds`, the raw file as the body, its name in
 * `x-sound-name`), removes (`DELETE /api/sounds/<id>`) and sets the master volume, mute and
 * which sound each tier and gift plays (`PUT /api/sounds/settings`, JSON); owners and
 * moderators read the list (`GET /api/sounds`). Overlays fetch an uploaded sound same-origin
 * with their token (`GET /sounds/<id>`). Changing sounds is the owner's: they are written to
 * the owner's disk.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../../shared/protocol/roles';
import { AUDIO_TYPES_BY_EXTENSION, type AudioExtension } from '../sounds/audio-type';
import { SOUND_LIMITS, type SoundLibrary } from '../sounds/sound-library';
import {
  answerChange,
  mayChangeUploads,
  mayUseUploads,
  receiveUpload,
  storedFile,
} from './owner-uploads';
import { readBody } from './read-body';
import { sendError, sendJson } from './respond';

/** Settings are a few hundred bytes; a gift list of 200 names stays far below this. */
const MAX_SETTINGS_BYTES = 64 * 1024;

/** `/api/sounds…`: `role` is the token's role, null without a valid token. */
export async function soundsApi(
  sounds: SoundLibrary,
  role: Role | null,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (!mayUseUploads(role, req, res, 'sounds')) return;
  const method = req.method ?? 'GET';
  if (path === '/api/sounds' && (method === 'GET' || method === 'HEAD')) {
    return sendJson(res, 200, { ok: true, data: sounds.state() });
  }
  const settings = path === '/api/sounds/settings' && method === 'PUT';
  const upload = path === '/api/sounds' && method === 'PUT';
  const removal = /^\/api\/sounds\/([^/]+)$/.exec(path);
  if (!settings && !upload && !(removal && method === 'DELETE')) {
    req.resume();
    return sendError(res, 404, 'NOT_FOUND', `nothing at ${method} ${path}`);
  }
  if (!mayChangeUploads(role, req, res, 'sounds')) return;
  if (settings) {
    const body = await readBody(req, MAX_SETTINGS_BYTES);
    if (!body) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'TOO_LARGE', `settings are at most ${MAX_SETTINGS_BYTES} bytes`);
    }
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'BAD_PAYLOAD', 'settings are a JSON object');
    }
    return answerChange(res, sounds.configure(input));
  }
  // Sound ids are plain ASCII (hash.ext): the path segment is taken as it is.
  if (removal) return answerChange(res, sounds.remove(removal[1] ?? ''));
  return receiveUpload(req, res, {
    maxBytes: SOUND_LIMITS.maxBytes,
    noun: 'sound',
    nameHeader: 'x-sound-name',
    put: (body, name) => sounds.put(body, name),
  });
}

/** `GET /sounds/<id>`: an uploaded sound for any page holding a token of the stream. */
export function serveSound(
  sounds: SoundLibrary,
  role: Role | null,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): void {
  const path = storedFile(role, res, sounds.filePath(id), 'sound');
  if (!path) return;
  const extension = id.split('.').pop() as AudioExtension;
  res.writeHead(200, {
    'content-type': AUDIO_TYPES_BY_EXTENSION[extension],
    'content-length': statSync(path).size,
    'x-content-type-options': 'nosniff',
    // Named by a hash of its content: it never changes.
    'cache-control': 'private, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path).pipe(res);
}
