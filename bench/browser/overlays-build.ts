/**
 * The browser benches measure the built overlay pages: this builds them first when they are
 * older than the overlay or shared sources (or notes that a stale build was measured).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { newestMtime } from '../lib/browser';
import { NotMeasured, type PartRecorder } from '../lib/results';

/** The page whose build time stands for the whole overlay build. */
const ALERTS_PAGE = 'dist/overlays/alerts.html';

export function buildOverlaysIfStale(part: PartRecorder, rebuildStale: boolean): void {
  if (!existsSync('overlays/vite.config.ts')) throw new NotMeasured('overlays/ has not landed');
  const built = existsSync(ALERTS_PAGE) ? statSync(ALERTS_PAGE).mtimeMs : 0;
  if (built >= newestMtime('overlays') && built >= newestMtime('shared')) return;
  if (built > 0 && !rebuildStale) {
    part.note(
      'Measured the existing dist/overlays build, which is older than the overlay sources.',
    );
    return;
  }
  console.log('[bench] alerts: building the overlay pages (vite)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'overlays/vite.config.ts'], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0 || !existsSync(ALERTS_PAGE)) {
    throw new NotMeasured(
      `the overlay build failed: ${(result.stderr || result.stdout || '').slice(-400)}`,
    );
  }
}
