/**
 * The server as users run it (`overlay-server/cli/start.ts`) in a child process, for crash tests:
 * spawned with node + tsx directly (so SIGKILL hits the server, not a wrapper), found through the
 * `LIMELIGHT_READY {"port":…}` line it prints when asked (`--ready-line`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoleTokens } from '../../../overlay-server/auth/tokens';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  tokens: RoleTokens;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export function spawnServer(
  home: string,
  args: string[] = ['--no-source'],
  /** Extra environment for the server (e.g. a sign-server key). */
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'overlay-server/cli/start.ts',
      '--port',
      '0',
      '--no-build',
      '--ready-line',
      ...args,
    ],
    { env: { ...process.env, ...env, LIMELIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not get ready:\n${out}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^LIMELIGHT_READY (.*)$/m.exec(out);
      if (!line?.[1]) return;
      clearTimeout(timer);
      const { port } = JSON.parse(line[1]) as { port: number };
      const { tokens } = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as {
        tokens: RoleTokens;
      };
      resolve({
        child,
        port,
        baseUrl: `http://127.0.0.1:${port}`,
        tokens,
        output: () => out,
        exited,
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/**
 * Stops a server cleanly (SIGTERM: the stream ends, the journal is flushed) and waits for it to exit; a server that
 * already exited (a crash test killed it) is left as it is.
 */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
  }
  await server.exited;
}
