/**
 * Which browser origins may talk to the relay. A local relay is reachable from every page the
 * user has open, so only the server's own pages (on each address it is reached by, and its
 * public address behind a reverse proxy) and the Limelight extension are admitted. Requests
 * without an Origin header (Node clients, OBS's own fetches) pass here and still need a token.
 * Firefox gives every install of the extension a random origin: any may pass here, and the
 * token it presents pins the first one to use it (grant-check.ts).
 */
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';
import { isFirefoxExtensionOrigin } from './grant-check';

export interface OriginPolicy {
  allows(origin: string | undefined): boolean;
  /** The exact origins admitted (extension wildcards aside), for logs. */
  listed(): readonly string[];
}

/**
 * @param hosts host names the server is reached by, e.g. `127.0.0.1`, `localhost`, a LAN IP.
 * @param port the bound port, read late because tests listen on port 0.
 * @param publicOrigins origins it is reached at through a proxy, e.g. `https://live.example.com`.
 */
export function createOriginPolicy(
  hosts: readonly string[],
  port: () => number,
  publicOrigins: readonly string[] = [],
): OriginPolicy {
  const listed = () => [
    ...hosts.map((host) => `http://${host.includes(':') ? `[${host}]` : host}:${port()}`),
    ...publicOrigins,
    `chrome-extension://${CHROME_EXTENSION_ID}`,
  ];
  return {
    listed,
    allows(origin) {
      if (origin === undefined) return true;
      return listed().includes(origin) || isFirefoxExtensionOrigin(origin);
    },
  };
}
