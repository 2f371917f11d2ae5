/** Makes sure the overlay pages exist before serving them: builds them once when missing. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log';

export function ensureOverlaysBuilt(
  repoRoot: string,
  overlaysDir: string,
  build: boolean,
  log: Logger,
): boolean {
  if (existsSync(join(overlaysDir, 'alerts.html'))) return true;
  if (!build) {
    log.warn('overlay pages are not built; /overlays/ will answer 404', { dir: overlaysDir });
    return false;
  }
  process.stderr.write(
    `dist/overlays is missing: building the overlay pages first (vite build)…\n`,
  );
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['vite', 'build', '--config', 'overlays/vite.config.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status === 0 && existsSync(join(overlaysDir, 'alerts.html'))) return true;
  log.error('building the overlay pages failed; serving without them', { status: result.status });
  return false;
}
