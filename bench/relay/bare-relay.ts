/**
 * Child process: the bare Socket.IO relay the full pipeline is compared with. Socket.IO's
 * defaults (no compression), no validation, no batching: each event that arrives at `/ingest`
 * is emitted at once to every client of `/overlay`. Prints `BARE_READY {"port":N}`.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer);
const overlay = io.of('/overlay');

io.of('/ingest').on('connection', (socket) => {
  socket.on('event', (event: unknown, ack?: (reply: unknown) => void) => {
    overlay.emit('event', event);
    ack?.({ ok: true, data: { accepted: true, duplicate: false } });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`BARE_READY ${JSON.stringify({ port })}`);
});

process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
