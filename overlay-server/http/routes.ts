/**
 * The HTTP side of the server: overlay pages, the pairing page, health, reports and pictures. Socket.IO
 * handles `/socket.io/` before this runs. API routes need an owner or moderator token
 * (`Authorization: Bearer …` or `?token=`) and answer CORS only for the allowed origins.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_IMAGE_PATH } from '../../shared/protocol/media';
import { REPORT_ROLES, REPORT_TOKEN_WORDS } from '../../shared/protocol/role-abilities';
import type { OriginPolicy } from '../auth/origins';
import { type RoleTokens, roleForToken } from '../auth/tokens';
import type { ClipLibrary } from '../clips/clip-library';
import { type MediaRouteDeps, serveMediaImage } from '../media/media-route';
import { formatReport, isReportFormat, REPORT_CONTENT_TYPES } from '../report/format-report';
import { clipsApi, serveClip } from './clips';
import { type HealthDeps, healthReport } from './health';
import { pairPage } from './pair';
import { pastStreams, type ReportDeps, reportFor, reportForRole } from './reports';
import { sendError, sendJson, sendText } from './respond';
import { serveStatic } from './static';

export interface RouteDeps extends HealthDeps, ReportDeps {
  tokens: RoleTokens;
  origins: OriginPolicy;
  /** The built overlay pages (`dist/overlays`). */
  overlaysDir: string;
  /** `http://127.0.0.1:PORT`, for the pairing link shown on /pair. */
  baseUrl: () => string;
  /** The picture cache behind /media/image. */
  media: MediaRouteDeps;
  /** The owner's video clips for actions (uploads, removals, serving). */
  clips: ClipLibrary;
}

function presentedToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return url.searchParams.get('token');
}

export function createRequestHandler(
  deps: RouteDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const failed = () => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'the server failed on this request');
      else res.destroy();
    };
    try {
      route(deps, req, res)?.catch(failed);
    } catch {
      failed();
    }
  };
}

function route(deps: RouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> | void {
  const origin = req.headers.origin;
  if (!deps.origins.allows(origin))
    return sendError(res, 403, 'ORIGIN_REFUSED', `origin ${origin} is not allowed`);
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, HEAD, PUT, DELETE',
      'access-control-allow-headers': 'authorization, content-type, range, x-clip-name',
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  // Clips take uploads (PUT) and removals (DELETE); everything else only reads.
  if (path === '/api/clips' || path.startsWith('/api/clips/')) {
    const role = roleForToken(deps.tokens, presentedToken(req, url));
    return clipsApi(deps.clips, role, req, res, path);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 405, 'BAD_PAYLOAD', 'only GET and HEAD are served');
  }
  if (path.startsWith('/clips/')) {
    const role = roleForToken(deps.tokens, presentedToken(req, url));
    return serveClip(deps.clips, role, req, res, path.slice('/clips/'.length));
  }

  if (path === '/health') return sendJson(res, 200, healthReport(deps));
  if (path === '/') return sendText(res, 200, 'text/html; charset=utf-8', INDEX_PAGE);
  if (path.startsWith('/overlays/'))
    return serveStatic(deps.overlaysDir, path.slice('/overlays/'.length), req, res);
  if (path === '/pair') {
    const token = url.searchParams.get('token') ?? '';
    const role = roleForToken(deps.tokens, token);
    const link = `${deps.baseUrl()}/pair?token=${encodeURIComponent(token)}`;
    return sendText(res, role ? 200 : 401, 'text/html; charset=utf-8', pairPage(link, role));
  }
  if (path === MEDIA_IMAGE_PATH) {
    const role = roleForToken(deps.tokens, presentedToken(req, url));
    void serveMediaImage(deps.media, role, req, res, url);
    return;
  }
  if (path.startsWith('/api/')) return api(deps, req, res, url);
  sendError(res, 404, 'NOT_FOUND', `nothing at ${path}`);
}

function api(deps: RouteDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  const role = roleForToken(deps.tokens, presentedToken(req, url));
  if (role === null) return sendError(res, 401, 'UNAUTHORIZED', `send an ${REPORT_TOKEN_WORDS}`);
  if (!REPORT_ROLES.includes(role))
    return sendError(res, 403, 'FORBIDDEN', `the ${role} role may not read reports`);

  if (url.pathname === '/api/streams') return sendJson(res, 200, { streams: pastStreams(deps) });
  const match = /^\/api\/streams\/([^/]+)\/report$/.exec(url.pathname);
  if (!match) return sendError(res, 404, 'NOT_FOUND', `nothing at ${url.pathname}`);
  const format = url.searchParams.get('format') ?? 'json';
  if (!isReportFormat(format))
    return sendError(res, 400, 'BAD_PAYLOAD', 'format is json, csv or md');
  const report = reportFor(deps, decodeURIComponent(match[1] ?? ''));
  if (!report) return sendError(res, 404, 'NOT_FOUND', 'no such stream');
  const visible = reportForRole(report, role, deps.relay.moderatorsSeeEarnings);
  sendText(res, 200, REPORT_CONTENT_TYPES[format], formatReport(visible, format));
}

/** What a browser pointed at the server sees: where things are, no tokens. */
const INDEX_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Limelight relay</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
</head><body><h1>Limelight relay is running</h1>
<p>The overlay URLs for OBS (with their token) and the pairing links for the extension were
printed where you ran <code>npm start</code>. Overlays live at <code>/overlays/&lt;name&gt;.html?token=…</code>.</p>
<p><a href="/health">/health</a> shows the source, event rates and connected clients.</p>
</body></html>
`;
