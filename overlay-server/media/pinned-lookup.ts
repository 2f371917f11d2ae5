/**
 * Name resolution for picture fetches, checked and pinned: the host is resolved once, every
 * address it gives is checked (address-policy.ts), and the socket connects to exactly those
 * checked addresses. A second lookup by the OS at connect time (where DNS rebinding would swap
 * a public answer for a private one) never happens.
 */
import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { refusedAddress } from './address-policy';
import { MediaRefusal } from './media-refusal';

/** Resolves a host name to its addresses (the OS resolver by default; tests pass their own). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) => dns.lookup(host, { all: true, verbatim: true });

/**
 * A `lookup` for `http.request` that answers from one checked resolution. `onRefused` gets the
 * refusal too: the request's own error may arrive wrapped.
 */
export function pinnedLookup(
  resolve: Resolver,
  allowLoopback: boolean,
  onRefused: (refusal: MediaRefusal) => void,
): LookupFunction {
  return (hostname, options, callback) => {
    const fail = (refusal: MediaRefusal) => {
      onRefused(refusal);
      callback(refusal, '', 0);
    };
    resolve(hostname).then(
      (found) => {
        if (found.length === 0) return fail(noAddress(hostname));
        for (const { address } of found) {
          const why = refusedAddress(address, allowLoopback);
          if (why) {
            return fail(
              new MediaRefusal('ADDRESS_REFUSED', `${hostname} resolves to a ${why} address`),
            );
          }
        }
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? found.filter((a) => a.family === family) : found;
        const first = usable[0];
        if (!first) return fail(noAddress(hostname));
        if (options.all) {
          (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, usable);
        } else callback(null, first.address, first.family);
      },
      () => fail(noAddress(hostname)),
    );
  };
}

const noAddress = (host: string) =>
  new MediaRefusal('UPSTREAM_FAILED', `${host} does not resolve to an address`);
