/**
 * Fetches one picture for the cache, refusing everything the media route promises to refuse:
 * every URL (the first and each redirect) passes the URL policy, every connection goes to an
 * address checked after resolution (pinned-lookup.ts), redirects are followed a bounded number
 * of times, the body is streamed and cut off past the size limit, the whole fetch has one
 * deadline, and the bytes must be a supported picture whatever the upstream's header says.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type ImageKind, sniffImage, typeHeaderAllowed } from './image-kind';
import { checkImageUrl, type UrlPolicy } from './image-url-policy';
import { asRefusal, MediaRefusal } from './media-refusal';
import type { MediaSettings } from './media-settings';
import { pinnedLookup, type Resolver, systemResolver } from './pinned-lookup';

export interface FetchedImage {
  bytes: Buffer;
  kind: ImageKind;
}

export interface FetchDeps {
  settings: MediaSettings;
  resolve?: Resolver;
  /** Test allowance: loopback addresses and any port, for a fake CDN on 127.0.0.1. */
  loopbackForTests?: boolean;
}

export async function fetchImage(src: string, deps: FetchDeps): Promise<FetchedImage> {
  const { settings } = deps;
  const policy: UrlPolicy = {
    allowedHosts: settings.allowedHosts,
    anyPort: deps.loopbackForTests === true,
  };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  try {
    let url = checkImageUrl(src, policy);
    for (let redirects = 0; ; redirects++) {
      const hop = await requestOnce(url, deps, deadline.signal);
      if (hop.kind === 'image') return hop.image;
      if (redirects >= settings.maxRedirects) {
        throw new MediaRefusal('UPSTREAM_FAILED', `more than ${settings.maxRedirects} redirects`);
      }
      let next: URL;
      try {
        next = new URL(hop.location, url);
      } catch {
        throw new MediaRefusal('UPSTREAM_FAILED', 'a redirect to something that is not a URL');
      }
      try {
        url = checkImageUrl(next, policy);
      } catch (error) {
        const refusal = asRefusal(error);
        throw new MediaRefusal(refusal.code, `redirected off the allow-list: ${refusal.message}`);
      }
    }
  } catch (error) {
    if (deadline.signal.aborted) {
      throw new MediaRefusal('UPSTREAM_TIMEOUT', `no picture within ${settings.timeoutMs} ms`);
    }
    throw asRefusal(error);
  } finally {
    clearTimeout(timer);
  }
}

type Hop = { kind: 'image'; image: FetchedImage } | { kind: 'redirect'; location: string };

function requestOnce(url: URL, deps: FetchDeps, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    let refused: MediaRefusal | null = null;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'GET',
      signal,
      // A fresh connection per fetch: a pooled socket must never carry a request elsewhere.
      agent: false,
      lookup: pinnedLookup(deps.resolve ?? systemResolver, deps.loopbackForTests === true, (r) => {
        refused = r;
      }),
      headers: {
        accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9',
        'user-agent': 'Limelight media cache',
      },
    });
    req.on('error', (error) => reject(refused ?? error));
    req.on('response', (res) => {
      readResponse(res, url, deps.settings.maxImageBytes).then(resolve, (error: unknown) => {
        req.destroy();
        reject(error);
      });
    });
    req.end();
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function readResponse(res: IncomingMessage, url: URL, maxBytes: number): Promise<Hop> {
  const status = res.statusCode ?? 0;
  if (REDIRECTS.has(status)) {
    res.resume();
    const location = res.headers.location;
    if (!location) {
      return Promise.reject(new MediaRefusal('UPSTREAM_FAILED', `${status} without a location`));
    }
    return Promise.resolve({ kind: 'redirect', location });
  }
  if (status < 200 || status > 299) {
    res.resume();
    return Promise.reject(new MediaRefusal('UPSTREAM_FAILED', `${url.host} answered ${status}`));
  }
  const type = res.headers['content-type'];
  if (!typeHeaderAllowed(type)) {
    res.resume();
    return Promise.reject(new MediaRefusal('NOT_AN_IMAGE', `${url.host} sent ${type}`));
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Cut off at once: a body that never ends must not be read to its end.
        reject(tooLarge(maxBytes));
        res.destroy();
        return;
      }
      chunks.push(chunk);
    });
    res.on('error', reject);
    res.on('aborted', () => reject(new MediaRefusal('UPSTREAM_FAILED', 'the body was cut off')));
    res.on('end', () => {
      const bytes = Buffer.concat(chunks, size);
      const kind = sniffImage(bytes);
      if (!kind) {
        reject(new MediaRefusal('NOT_AN_IMAGE', `${url.host} sent bytes that are no picture`));
        return;
      }
      resolve({ kind: 'image', image: { bytes, kind } });
    });
  });
}

const tooLarge = (maxBytes: number) =>
  new MediaRefusal('TOO_LARGE', `the picture is over ${Math.round(maxBytes / 1024)} KB`);
