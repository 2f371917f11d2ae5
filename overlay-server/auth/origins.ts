/**
 * Which browser origins may talk to the relay. A local relay is reachable from every page the
 * user has open, so only the server's own pages and the Limelight extension are admitted.
 * Requests without an Origin header (Node clients, OBS's own fetches) pass here and still
 * need a token.
 */
import { CHROME_EXTENSION_ID } from '../../shared/extension-id';

export interface OriginPolicy {
  allows(origin: string | undefined): boolean;
  /** The exact origins admitted (extension wildcards aside), for logs. */
  listed(): readonly string[];
}

const MOZ_EXTENSION = /^moz-extension:\/\/[0-9a-f-]{36}$/i;

/**
 * @param hosts host names the server is reached by, e.g. `127.0.0.1`, `localhost`, a LAN IP.
 * @param port the bound port, read late because tests listen on port 0.
 */
export function createOriginPolicy(hosts: readonly string[], port: () => number): OriginPolicy {
  const listed = () => [
    ...hosts.map((host) => `http://${host.includes(':') ? `[${host}]` : host}:${port()}`),
    `chrome-extension://${CHROME_EXTENSION_ID}`,
  ];
  return {
    listed,
    allows(origin) {
      if (origin === undefined) return true;
      return listed().includes(origin) || MOZ_EXTENSION.test(origin);
    },
  };
}
