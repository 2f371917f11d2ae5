/**
 * `GET /media/image?src=<url>&token=<token>`: a TikTok picture served from this server's own
 * origin, so WebGL overlays may draw it (TikTok's CDN sends no CORS headers) and the panel never
 * contacts TikTok itself. Overlay, owner and moderator tokens may use it; ingest tokens may not.
 * Pictures are immutable per URL (TikTok's picture URLs are content addressed and signed), so
 * they are cached by the browser too, and revalidated cheaply by their ETag.
 */
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_ROLES } from '../../shared/protocol/media';
import type { Role } from '../../shared/protocol/roles';
import { sendError } from '../http/respond';
import type { CachedImage, ImageCache } from './image-cache';
import { checkImageUrl, type UrlPolicy } from './image-url-policy';
import { asRefusal } from './media-refusal';

export interface MediaRouteDeps {
  cache: ImageCache;
  policy: UrlPolicy;
}

/** Browsers keep a picture a week; the URL (its source and token) never changes what it shows. */
const CACHE_CONTROL = 'private, max-age=604800, immutable';

export async function serveMediaImage(
  deps: MediaRouteDeps,
  role: Role | null,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (role === null)
    return sendError(res, 401, 'UNAUTHORIZED', 'send an overlay, owner or moderator token');
  if (!MEDIA_ROLES.includes(role)) {
    return sendError(res, 403, 'FORBIDDEN', `the ${role} role may not load pictures`);
  }
  const src = url.searchParams.get('src');
  if (!src) return sendError(res, 400, 'BAD_PAYLOAD', 'src (the picture URL) is missing');
  try {
    checkImageUrl(src, deps.policy);
    await sendPicture(deps.cache, src, req, res);
  } catch (error) {
    const refusal = asRefusal(error);
    if (!res.headersSent) sendError(res, refusal.status, refusal.code, refusal.message);
    else res.destroy();
  }
}

async function sendPicture(
  cache: ImageCache,
  src: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  let image = await cache.get(src);
  let file = await open(image.path).catch(() => null);
  if (!file) {
    // Evicted between the lookup and the read, or removed by hand: fetch it again, once.
    cache.forget(src);
    image = await cache.get(src);
    file = await open(image.path);
  }
  const headers = pictureHeaders(image);
  if (req.headers['if-none-match'] === image.etag) {
    await file.close();
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': image.kind.contentType,
    'content-length': image.size,
  });
  if (req.method === 'HEAD') {
    await file.close();
    res.end();
    return;
  }
  file.createReadStream().pipe(res);
}

function pictureHeaders(image: CachedImage): Record<string, string> {
  return {
    etag: image.etag,
    'cache-control': CACHE_CONTROL,
    'x-content-type-options': 'nosniff',
    // Opened on its own, the picture still runs nothing.
    'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
  };
}
