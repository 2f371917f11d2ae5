/**
 * Sockets to servers run as child processes, and the clean-up after each test: every socket
 * closed, every server still running killed, the test's config folder removed.
 */
import { rmSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import type { ServerProcess } from './server-process';

/** Connects to a namespace of `server` with `token`, and keeps the socket in `sockets`. */
export function connectTo(
  server: ServerProcess,
  ns: string,
  token: string,
  client: string,
  sockets: Socket[],
): Promise<Socket> {
  const socket = io(`${server.baseUrl}${ns}`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    auth: { token, protocolVersion: PROTOCOL_VERSION, client },
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Closes `sockets`, kills the servers still running (SIGKILL) and removes `home` if set. */
export async function stopAll(
  servers: ServerProcess[],
  sockets: Socket[],
  home: string,
): Promise<void> {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  if (home) rmSync(home, { recursive: true, force: true });
}
