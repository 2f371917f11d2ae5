/**
 * The Node versions the README promises, checked on the Node running the tests: the declared
 * range holds, the TikTok connector path runs (its HTTP client declares Node ≥ 22), and every
 * warning a fresh `npm install` can print is one the README explains. npm warns about engines
 * for installed packages whose `engines.node` excludes the running Node, and about dependency
 * install scripts that `allowScripts` in package.json does not cover.
 */
import { existsSync, readFileSync } from 'node:fs';
import semver from 'semver';
import { TikTokLiveConnection } from 'tiktok-live-connector';
import { describe, expect, it } from 'vitest';
import { createTikTokTransport } from '../../overlay-server/sources/connector/tiktok-transport';
import { ConnectorFailure } from '../../overlay-server/sources/connector/transport';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<
    string,
    { version?: string; engines?: { node?: string }; hasInstallScript?: boolean }
  >;
};
const readme = readFileSync('README.md', 'utf8');

/** Installed packages (not other platforms' optional builds), with their lockfile entry. */
const installed = Object.entries(lock.packages).filter(
  ([path]) => path.startsWith('node_modules/') && existsSync(path),
);
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 13);

describe('Node support', () => {
  it('runs on a Node the package declares (README: 20.19 or later)', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
    expect(readme).toContain('Node.js 20.19 or later');
  });

  it('runs the connector path: import, construct, and the offline connect failure as a state', async () => {
    // The library's own class, as the transport builds it (an options object is required).
    const connection = new TikTokLiveConnection('limelight_demo', {});
    expect(connection.isConnected).toBe(false);
    // No TikTok from here: connecting fails, and the transport turns that into a state.
    const attempt = createTikTokTransport({ handle: '@limelight_demo' }).open(() => {});
    const failure = await attempt.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConnectorFailure);
    expect((failure as ConnectorFailure).kind).toBe('unreachable');
  }, 60_000);

  it('names in the README every package whose engines exclude this Node', () => {
    const unsupported = installed
      .filter(([, entry]) => entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(process.versions.node, entry.engines?.node ?? '*'))
      .map(([path, entry]) => `${nameOf(path)}@${entry.version}`);
    for (const name of unsupported)
      expect(readme, name).toContain(`\`${name.split('@').slice(0, -1).join('@')}\``);
  });

  it('covers every dependency install script in allowScripts', () => {
    const withScripts = installed
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => nameOf(path));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });
});
