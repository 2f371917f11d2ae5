// Finds a Chromium for the browser tests, and provisions Debian's when none is found.
// Playwright's own browser download cannot run on these machines, so tests always pass
// an executablePath (README: Chromium for the browser tests).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  // The binary without Debian's wrapper script, which adds an empty --load-extension=.
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** @returns {string | undefined} */
export function findChromium() {
  const fromEnv = process.env.LIMELIGHT_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`LIMELIGHT_CHROMIUM=${fromEnv} does not exist`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** Finds Chromium, or installs Debian's `chromium` with apt-get when running as root. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's package (sudo apt-get install -y chromium) " +
        'or set LIMELIGHT_CHROMIUM to a Chromium binary.',
    );
  }
  console.log(
    "[limelight] No Chromium found: installing Debian's `chromium` (and an emoji font for the overlays) with apt-get, about 80 s…",
  );
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-color-emoji'],
    {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium but no binary was found');
  console.log(`[limelight] Chromium installed at ${installed}`);
  return installed;
}

/** Flags verified on these machines: quiet networking, WebGL through SwiftShader, autoplay. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  // Overlays play sounds and clips with no click on the page, as OBS's browser source allows.
  '--autoplay-policy=no-user-gesture-required',
];
