/**
 * The server outlives its console. When the process that started it closes its end of stdout
 * and stderr, the next log line meets EPIPE; the server keeps serving and keeps logging to the
 * file in its config folder. A closed terminal's SIGHUP does not stop it either.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { type ServerProcess, spawnServer } from './support/server-process';

let server: ServerProcess | null = null;
let home = '';
afterEach(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  server = null;
  if (home) rmSync(home, { recursive: true, force: true });
});

const logMessages = () =>
  readFileSync(join(home, 'logs', 'limelight.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { message: string }).message);

/** A handshake with a wrong token: the server logs a warning line for it. */
async function refusedHandshake(port: number): Promise<void> {
  const socket = io(`http://127.0.0.1:${port}/control`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    auth: { token: 'not-a-token-at-all-0000', protocolVersion: PROTOCOL_VERSION },
  });
  await new Promise<void>((done) => socket.once('connect_error', () => done()));
  socket.disconnect();
}

describe('a server whose console went away', () => {
  it('keeps serving after EPIPE on its next log line, and logs to its file', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-epipe-'));
    server = await spawnServer(home);
    // The parent stops reading: both pipes close on our side.
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();

    // Two log lines (a warning each): the first meets EPIPE, the second finds the console gone.
    await refusedHandshake(server.port);
    await refusedHandshake(server.port);
    await expect.poll(() => logMessages().filter((m) => m === 'handshake refused').length).toBe(2);
    expect(logMessages()).toContain(
      "the console's stderr closed; still serving, logging to this file only",
    );
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();

    // It still stops cleanly when asked, with no console to say so on.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(logMessages()).toContain('journal flushed, sockets closed');
  });

  it('keeps serving when its terminal closes (SIGHUP)', async () => {
    home = mkdtempSync(join(tmpdir(), 'limelight-hup-'));
    server = await spawnServer(home);
    server.child.kill('SIGHUP');
    await expect.poll(() => logMessages()).toContain('the terminal closed (SIGHUP); still serving');
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
