/**
 * Makes sure the overlay pages exist before serving them: builds them once when missing, saying
 * what is built and how long it took. Vite's own listing (one line per file) is kept quiet;
 * its warnings and errors are passed on, indented under the progress line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OVERLAY_PAGES } from '../../shared/protocol/overlay-pages';

export interface OverlaysBuildOptions {
  repoRoot: string;
  overlaysDir: string;
  /** False with `--no-build`: say how to build instead. */
  build: boolean;
  /** One line for the person at the console (and the log file). */
  say: (line: string) => void;
}

export function ensureOverlaysBuilt(options: OverlaysBuildOptions): boolean {
  const { repoRoot, overlaysDir, say } = options;
  if (existsSync(join(overlaysDir, 'alerts.html'))) return true;
  const shownDir = relative(repoRoot, overlaysDir).startsWith('..')
    ? overlaysDir
    : relative(repoRoot, overlaysDir);
  if (!options.build) {
    say(`Warning: the overlay pages are not built (${shownDir}); OBS would get "not found".`);
    say('  Build them with `npm run build`, or start without --no-build.');
    return false;
  }
  say(
    `Building the overlay pages for OBS (first start only): ${OVERLAY_PAGES.join(', ')} into ${shownDir}…`,
  );
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(repoRoot, 'overlays', 'vite.config.ts'),
      '--outDir',
      overlaysDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const built = result.status === 0 && existsSync(join(overlaysDir, 'alerts.html'));
  say(
    built
      ? `Built ${OVERLAY_PAGES.length} overlay pages in ${seconds} s.`
      : `Building the overlay pages failed after ${seconds} s; the server runs without them (run \`npm run build\` to see why).`,
  );
  if (said) for (const line of said.split('\n')) say(`  vite: ${line}`);
  return built;
}
