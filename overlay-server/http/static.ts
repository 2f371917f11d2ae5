/**
 * Serves the built overlay pages (`dist/overlays`) under `/overlays/`. Paths are decoded,
 * normalized and kept inside the folder; anything else is a 404.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { sendError } from './respond';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` a request path names, or null when it escapes or is not a file. */
export function resolveStatic(root: string, relativePath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, normalize(`.${sep}${decoded}`));
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    const stat = statSync(target);
    if (stat.isDirectory()) return resolveStatic(root, join(relativePath, 'index.html'));
    return stat.isFile() ? target : null;
  } catch {
    return null;
  }
}

export function serveStatic(
  root: string,
  relativePath: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const file = resolveStatic(root, relativePath);
  if (!file) {
    sendError(res, 404, 'NOT_FOUND', 'no such overlay file');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    // Overlay pages change with each build; OBS should not keep a stale one.
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
