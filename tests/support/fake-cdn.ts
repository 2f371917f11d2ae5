/**
 * A stand-in for TikTok's picture CDN in tests: a plain HTTP server on 127.0.0.1 and an
 * ephemeral port. Each path answers as the test says; every request is counted, and what a
 * streaming answer managed to send before the client hung up is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CdnHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FakeCdn {
  port: number;
  /** `http://<host>:<port><path>`: the host is resolved by whoever fetches. */
  url(path: string, host?: string): string;
  /** Answers `path` with `handler` (replacing an earlier one). */
  route(path: string, handler: CdnHandler): void;
  /** Requests seen per path. */
  hits(path: string): number;
  stop(): Promise<void>;
}

export async function startFakeCdn(): Promise<FakeCdn> {
  const routes = new Map<string, CdnHandler>();
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path, host = 'localhost') => `http://${host}:${port}${path}`,
    route: (path, handler) => {
      routes.set(path, handler);
    },
    hits: (path) => counts.get(path) ?? 0,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A handler that serves `body` with `type`. */
export const serve =
  (body: Buffer | string, type: string, extra: Record<string, string> = {}): CdnHandler =>
  (_req, res) => {
    res.writeHead(200, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(body);
  };
