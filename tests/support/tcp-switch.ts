/**
 * A TCP relay that forwards every new connection to the backend chosen now, and can cut the
 * connections it carries: a client behind it loses its server (a network blip) and reconnects
 * to whichever backend the relay points at then, as a load balancer would send it.
 */
import { connect, createServer, type Socket } from 'node:net';
import { carryConnection } from '../../overlay-server/cli/cluster-proxy';

export interface TcpSwitch {
  port: number;
  /** New connections go to this port from now on. */
  pointAt(port: number): void;
  /** Cuts every carried connection (both sides see the TCP connection close). */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpSwitch(firstPort: number): Promise<TcpSwitch> {
  let target = firstPort;
  const carried = new Set<Socket>();
  const server = createServer((incoming) => {
    carryConnection(incoming, connect(target, '127.0.0.1'), carried);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    pointAt(port) {
      target = port;
    },
    cut() {
      for (const side of carried) side.destroy();
    },
    close() {
      for (const side of carried) side.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
