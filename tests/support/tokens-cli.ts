/**
 * `npm run tokens` as an operator runs it (`overlay-server/cli/tokens.ts`), in a process of its
 * own: what it printed, or an error with what it said on stderr. `env` adds to this process's
 * (LIMELIGHT_HOME for a server's config folder).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function tokensCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'overlay-server/cli/tokens.ts', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`tokens ${args.join(' ')} failed:\n${stderr}`);
  }
}
