/** The host names the server's own pages are reached by, for the origin allow-list. */
import { networkInterfaces } from 'node:os';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const isLoopback = (host: string): boolean => LOOPBACK.has(host);

export function pageHosts(host: string): string[] {
  const hosts = ['127.0.0.1', 'localhost'];
  if (isLoopback(host)) return hosts;
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) if (!address.internal) hosts.push(address.address);
    }
  } else hosts.push(host);
  return hosts;
}
