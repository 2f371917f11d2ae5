// Finds a Firefox for the Firefox build's browser test, and provisions Debian's `firefox-esr`
// when none is found. Playwright drives only its own patched Firefox, which cannot be
// downloaded here, so the test drives the stock one over WebDriver BiDi (puppeteer-core).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/** @returns {string | undefined} */
export function findFirefox() {
  const fromEnv = process.env.LIMELIGHT_FIREFOX;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`LIMELIGHT_FIREFOX=${fromEnv} does not exist`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** Finds Firefox, or installs Debian's `firefox-esr` with apt-get when running as root. */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      "No Firefox found for the Firefox sidebar test. Install Debian's package (sudo apt-get install -y firefox-esr) " +
        'or set LIMELIGHT_FIREFOX to a Firefox binary (version 138 or later).',
    );
  }
  console.log("[limelight] No Firefox found: installing Debian's `firefox-esr` with apt-get…");
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'firefox-esr'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findFirefox();
  if (!installed) throw new Error('apt-get installed firefox-esr but no binary was found');
  return installed;
}
