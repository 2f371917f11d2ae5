// `npm run typecheck`: each part of the tree against its own TypeScript project, so `shared/`
// is checked without DOM or Node types, the server without the DOM, overlays and the extension
// without Node. The root project checks tests, benchmarks, scripts and configs.
import { spawnSync } from 'node:child_process';

/** [project file, what it holds]; every production file belongs to exactly one. */
export const PROJECTS = [
  ['shared/tsconfig.json', 'shared: ES2022 only'],
  ['overlay-server/tsconfig.json', 'server: Node'],
  ['overlays/tsconfig.json', 'overlays: DOM'],
  ['extension/tsconfig.json', 'extension: DOM'],
  ['extension/entrypoints/tsconfig.json', 'extension entrypoints: DOM + WXT'],
  ['tsconfig.json', 'tests, bench, scripts, configs: DOM + Node'],
];

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const failed = [];
for (const [project, label] of PROJECTS) {
  const result = spawnSync(npx, ['tsc', '--noEmit', '-p', project], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const okay = result.status === 0;
  console.log(`${okay ? '✔' : '✘'} ${project} (${label})`);
  if (!okay) failed.push(project);
}
if (failed.length > 0) {
  console.error(`type errors in ${failed.join(', ')}`);
  process.exit(1);
}
