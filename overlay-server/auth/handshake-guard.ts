/**
 * Guessing tokens is slowed down per client address: after a burst of refused handshakes or
 * API requests (unknown, revoked or expired token) an address is refused RATE_LIMITED for a
 * while, before its token is even looked at. Behind a reverse proxy every client arrives from the
 * proxy's address, so the client is read from X-Forwarded-For, but only when the request came
 * from a proxy listed in `--trust-proxy` (anyone else could write that header).
 */
import type { IncomingMessage } from 'node:http';
import type { RateBudget } from '../pipeline/rate-limit';

/** Twenty wrong tokens at once, then one every six seconds. */
export const FAILED_HANDSHAKE_BUDGET: RateBudget = { perSecond: 1 / 6, burst: 20 };

/** The client's address: the peer, or for a trusted proxy the last untrusted X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = normalize(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.includes(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => normalize(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (!trustedProxies.includes(hop)) return hop;
  }
  return peer;
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is `127.0.0.1`. */
const normalize = (address: string) => address.replace(/^::ffff:/, '');

export interface HandshakeGuard {
  /** True when this request's address used up its refusals. */
  blocked(req: IncomingMessage): boolean;
  /** Counts a refusal for a token (unknown, revoked, expired) against the address. */
  refused(req: IncomingMessage): void;
}

export function createHandshakeGuard(
  trustedProxies: readonly string[],
  now: () => number = Date.now,
  budget: RateBudget = FAILED_HANDSHAKE_BUDGET,
): HandshakeGuard {
  /** Refusals each address may still have, and when that was worked out. */
  const allowance = new Map<string, { left: number; at: number }>();
  const current = (address: string) => {
    const t = now();
    const known = allowance.get(address);
    if (!known) return { left: budget.burst, at: t };
    const left = Math.min(budget.burst, known.left + ((t - known.at) / 1000) * budget.perSecond);
    return { left, at: t };
  };
  return {
    blocked(req) {
      const address = clientAddress(req, trustedProxies);
      return allowance.has(address) && current(address).left < 1;
    },
    refused(req) {
      const address = clientAddress(req, trustedProxies);
      const next = current(address);
      // Forget addresses now and then, so the map does not grow with every visitor.
      if (allowance.size > 10_000) allowance.clear();
      allowance.set(address, { left: Math.max(0, next.left - 1), at: next.at });
    },
  };
}
