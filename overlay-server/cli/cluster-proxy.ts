/**
 * The front door of `npm run cluster`: a TCP proxy on one address that hands each new
 * connection to the next server process in turn, as a load balancer would. A WebSocket (what the
 * panel, sources and overlays use first) stays on the process it reached; a connection whose
 * process died is closed, and the client reconnects through the proxy to another one.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface ClusterProxy {
  port: number;
  /** The server processes' ports; new connections go to each in turn. */
  route(ports: readonly number[]): void;
  close(): Promise<void>;
}

/**
 * Pipes `incoming` and `outgoing` into each other, keeps both in `carried` while they are open,
 * and closes each side when the other closes (a reset on one side is no error for the proxy).
 */
export function carryConnection(incoming: Socket, outgoing: Socket, carried: Set<Socket>): void {
  for (const side of [incoming, outgoing]) {
    carried.add(side);
    side.on('close', () => carried.delete(side));
    side.on('error', () => {});
  }
  incoming.pipe(outgoing);
  outgoing.pipe(incoming);
  incoming.on('close', () => outgoing.destroy());
  outgoing.on('close', () => incoming.destroy());
}

export async function startClusterProxy(port: number, host = '127.0.0.1'): Promise<ClusterProxy> {
  let backends: readonly number[] = [];
  let next = 0;
  const carried = new Set<Socket>();
  const server = createServer((incoming) => {
    const backend = backends[next++ % Math.max(1, backends.length)];
    if (backend === undefined) {
      incoming.destroy();
      return;
    }
    carryConnection(incoming, connect(backend, '127.0.0.1'), carried);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    route(ports) {
      backends = [...ports];
    },
    close() {
      for (const side of carried) side.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
