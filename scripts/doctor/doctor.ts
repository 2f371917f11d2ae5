/**
 * `npm run doctor -- [--port N] [--host HOST] [--config DIR]`: checks what a first start and
 * `npm test` need (Node, the TikTok connector, Chromium, the port, the config folder, the TikTok
 * key), prints one line per check with what to fix, and exits 1 when something must be fixed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveHome } from '../../overlay-server/auth/config-file';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../overlay-server/cli/start-args';
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs, no type declarations
import { findChromium } from '../chromium.mjs';
import {
  type CheckResult,
  checkChromium,
  checkConfigFolder,
  checkConnector,
  checkNode,
  checkPort,
  checkTikTokKey,
} from './checks';

const MARK: Record<CheckResult['status'], string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const port = Number(values.port ?? DEFAULT_PORT);
  const host = values.host ?? DEFAULT_HOST;
  const home = resolveHome(values.config, process.env);
  const { engines } = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { engines: { node: string } };
  let chromium: string | undefined;
  try {
    chromium = findChromium() as string | undefined;
  } catch {
    chromium = process.env.LIMELIGHT_CHROMIUM;
  }

  const results: CheckResult[] = [
    checkNode(process.versions.node, engines.node),
    await checkConnector(() => import('tiktok-live-connector')),
    checkChromium(chromium, Boolean(process.env.LIMELIGHT_CHROMIUM)),
    await checkPort(host, port),
    checkConfigFolder(home, process.getuid?.() ?? null),
    checkTikTokKey(process.env, home),
  ];
  const lines = ['Limelight doctor', ''];
  for (const result of results) {
    lines.push(`  ${MARK[result.status]}  ${result.name}: ${result.found}`);
    if (result.fix && result.status !== 'ok') lines.push(`        fix: ${result.fix}`);
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  const warned = results.filter((r) => r.status === 'warn').length;
  lines.push(
    '',
    failed === 0
      ? `Ready to start${warned ? ` (${warned} warning${warned > 1 ? 's' : ''} above)` : ''}: npm start`
      : `${failed} thing${failed > 1 ? 's' : ''} to fix before \`npm start\`${warned ? `, ${warned} warning${warned > 1 ? 's' : ''}` : ''}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`limelight doctor failed: ${String(error)}\n`);
    process.exit(2);
  },
);
