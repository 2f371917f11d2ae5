/**
 * The first check of a picture URL (and of every redirect): http(s), no credentials, a DNS
 * host name (never an IP literal) on the allow-list of suffixes, the scheme's own port. The
 * address the name resolves to is checked later, when connecting (pinned-lookup.ts).
 */
import { isIP } from 'node:net';
import { MediaRefusal } from './media-refusal';

export interface UrlPolicy {
  allowedHosts: readonly string[];
  /** Test allowance: any port (a fake CDN listens on an ephemeral one). */
  anyPort?: boolean;
}

/** The host as matched: lower case, without a trailing dot or IPv6 brackets. */
export const hostOf = (url: URL): string =>
  url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');

export function hostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** Parses and checks a picture URL; throws a `MediaRefusal` naming what is wrong. */
export function checkImageUrl(raw: string | URL, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = typeof raw === 'string' ? new URL(raw) : raw;
  } catch {
    throw new MediaRefusal('BAD_PAYLOAD', 'src is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MediaRefusal('BAD_PAYLOAD', `src must be http(s), not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new MediaRefusal('HOST_REFUSED', 'picture URLs with credentials are refused');
  }
  const host = hostOf(url);
  // The URL parser already turned decimal, octal and hex hosts (2130706433, 0x7f.1) into dotted form.
  if (isIP(host) !== 0) {
    throw new MediaRefusal('HOST_REFUSED', `IP address hosts are refused (${host})`);
  }
  if (!hostAllowed(host, policy.allowedHosts)) {
    throw new MediaRefusal('HOST_REFUSED', `${host} is not on the media allow-list`);
  }
  if (url.port !== '' && !policy.anyPort) {
    throw new MediaRefusal('HOST_REFUSED', `port ${url.port} is refused: only the scheme's own`);
  }
  return url;
}
