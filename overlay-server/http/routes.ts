/**
 * The HTTP side of the server: overlay pages, the pairing page, health, reports and pictures. Socket.IO
 * handles `/socket.io/` before this runs. API routes need an owner or moderator token
 * (`Authorization: Bearer …` or `?token=`) and answer CORS only for the allowed origins.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_IMAGE_PATH, MEDIA_ROLES } from '../../shared/protocol/media';
import { REPORT_ROLES, REPORT_TOKEN_WORDS } from '../../shared/protocol/role-abilities';
import { ROLES, type Role } from '../../shared/protocol/roles';
import { checkGrant, type Grant } from '../auth/grant-check';
import type { HandshakeGuard } from '../auth/handshake-guard';
import type { OriginPolicy } from '../auth/origins';
import type { TokenRegistry } from '../auth/token-registry';
import { type MediaRouteDeps, serveMediaImage } from '../media/media-route';
import { formatReport, isReportFormat, REPORT_CONTENT_TYPES } from '../report/format-report';
import { streamerDataDir } from '../streams/local-stream';
import type { StreamDirectory } from '../streams/stream-directory';
import { clipsApi, serveClip } from './clips';
import { type HealthDeps, healthReport } from './health';
import { pairPage } from './pair';
import { journalReport, pastStreams, type ReportDeps, reportForRole } from './reports';
import { sendError, sendJson, sendText } from './respond';
import { serveSound, soundsApi } from './sounds';
import { serveStatic } from './static';

export interface RouteDeps extends HealthDeps, ReportDeps {
  tokens: TokenRegistry;
  streams: StreamDirectory;
  /** The deployment's data folder (each stream's journals are under it). */
  home: string;
  origins: OriginPolicy;
  /** The built overlay pages (`dist/overlays`). */
  overlaysDir: string;
  /** `http://127.0.0.1:PORT`, for the pairing link shown on /pair. */
  baseUrl: () => string;
  /** The picture cache behind /media/image. */
  media: MediaRouteDeps;
  /** Addresses that presented too many wrong tokens wait (auth/handshake-guard.ts). */
  guard?: HandshakeGuard;
}

function presentedToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return url.searchParams.get('token');
}

/** The token's grant for this request: roles admitted, and the stream named by `?streamer=`. */
function grantOf(
  deps: RouteDeps,
  req: IncomingMessage,
  url: URL,
  roles: readonly Role[],
  what: string,
): Grant {
  if (deps.guard?.blocked(req))
    return { ok: false, code: 'RATE_LIMITED', message: 'too many wrong tokens; wait a minute' };
  const grant = checkGrant(deps.tokens.lookup(presentedToken(req, url)), {
    roles,
    what,
    streamer: url.searchParams.get('streamer') ?? undefined,
    origin: req.headers.origin,
    now: Date.now(),
  });
  if (!grant.ok && WRONG_TOKEN_CODES.includes(grant.code)) deps.guard?.refused(req);
  return grant;
}

const WRONG_TOKEN_CODES: readonly string[] = ['UNAUTHORIZED', 'TOKEN_REVOKED', 'TOKEN_EXPIRED'];

const HTTP_STATUS: Partial<Record<string, number>> = {
  UNAUTHORIZED: 401,
  TOKEN_REVOKED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  STREAM_NOT_GRANTED: 403,
  ORIGIN_REFUSED: 403,
  RATE_LIMITED: 429,
};

function refuse(res: ServerResponse, grant: Grant & { ok: false }): void {
  sendError(res, HTTP_STATUS[grant.code] ?? 403, grant.code, grant.message);
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
      'access-control-allow-headers':
        'authorization, content-type, range, x-clip-name, x-sound-name',
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  // Clips and sounds take uploads (PUT) and removals (DELETE); everything else only reads.
  if (/^\/api\/(clips|sounds)(\/|$)/.test(path)) return uploadsRoute(deps, req, res, url);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 405, 'BAD_PAYLOAD', 'only GET and HEAD are served');
  }
  if (path.startsWith('/clips/') || path.startsWith('/sounds/'))
    return uploadsRoute(deps, req, res, url);

  if (path === '/health') return sendJson(res, 200, healthReport(deps));
  if (path === '/') return sendText(res, 200, 'text/html; charset=utf-8', INDEX_PAGE);
  if (path.startsWith('/overlays/'))
    return serveStatic(deps.overlaysDir, path.slice('/overlays/'.length), req, res);
  if (path === '/pair') {
    const token = url.searchParams.get('token') ?? '';
    const grant = grantOf(deps, req, url, REPORT_ROLES, 'pair the extension');
    const link = `${deps.baseUrl()}/pair?token=${encodeURIComponent(token)}`;
    return sendText(
      res,
      grant.ok ? 200 : 401,
      'text/html; charset=utf-8',
      pairPage(link, grant.ok ? grant.record.role : null),
    );
  }
  if (path === MEDIA_IMAGE_PATH) {
    const grant = grantOf(deps, req, url, MEDIA_ROLES, 'load pictures');
    if (!grant.ok) return refuse(res, grant);
    void serveMediaImage(deps.media, grant.record.role, req, res, url);
    return;
  }
  if (path.startsWith('/api/')) return api(deps, req, res, url);
  sendError(res, 404, 'NOT_FOUND', `nothing at ${path}`);
}

/**
 * Clips and sounds of the stream the token grants (`?streamer=` picks one of several): every
 * role's token is admitted here, each route says what its role may do.
 */
function uploadsRoute(
  deps: RouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> | void {
  const path = url.pathname;
  const sounds = path.startsWith('/sounds/') || path.startsWith('/api/sounds');
  const grant = grantOf(deps, req, url, ROLES, sounds ? 'use sounds' : 'use clips');
  if (!grant.ok) {
    req.resume();
    if (grant.code !== 'UNAUTHORIZED') return refuse(res, grant);
    return sendError(res, 401, 'UNAUTHORIZED', 'send a token that grants this stream');
  }
  const role = grant.record.role;
  if (sounds) {
    const library = deps.streams.soundsFor(grant.streamer);
    if (path.startsWith('/sounds/'))
      return serveSound(library, role, req, res, path.slice('/sounds/'.length));
    return soundsApi(library, role, req, res, path);
  }
  const clips = deps.streams.clipsFor(grant.streamer);
  if (path.startsWith('/clips/'))
    return serveClip(clips, role, req, res, path.slice('/clips/'.length));
  return clipsApi(clips, role, req, res, path);
}

function api(deps: RouteDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  const grant = grantOf(deps, req, url, REPORT_ROLES, 'read reports');
  if (!grant.ok) {
    if (grant.code === 'UNAUTHORIZED')
      return sendError(res, 401, 'UNAUTHORIZED', `send an ${REPORT_TOKEN_WORDS}`);
    return refuse(res, grant);
  }
  const dataDir = streamerDataDir(deps.home, grant.streamer);
  if (url.pathname === '/api/streams')
    return sendJson(res, 200, { streamer: grant.streamer, streams: pastStreams(dataDir) });
  const match = /^\/api\/streams\/([^/]+)\/report$/.exec(url.pathname);
  if (!match) return sendError(res, 404, 'NOT_FOUND', `nothing at ${url.pathname}`);
  const format = url.searchParams.get('format') ?? 'json';
  if (!isReportFormat(format))
    return sendError(res, 400, 'BAD_PAYLOAD', 'format is json, csv or md');
  const streamId = decodeURIComponent(match[1] ?? '');
  const running = pastStreams(dataDir).find((summary) => summary.current)?.streamId;
  const { role } = grant.record;
  // The running stream from its live room (its writer, wherever it runs); past ones from disk.
  deps.streams.portFor(grant.streamer).report((answer) => {
    if (!answer.ok) return sendError(res, 503, answer.code, answer.message);
    const { report: live, moderatorsSeeEarnings } = answer.data;
    const report =
      streamId === 'current' || (live && streamId === live.streamId) || streamId === running
        ? live
        : journalReport(deps, dataDir, streamId);
    if (!report) return sendError(res, 404, 'NOT_FOUND', 'no such stream');
    const visible = reportForRole(report, role, moderatorsSeeEarnings);
    sendText(res, 200, REPORT_CONTENT_TYPES[format], formatReport(visible, format));
  });
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
