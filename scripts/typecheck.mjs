// `npm run typecheck`: each part of the tree against its own TypeScript project, so `shared/`
// is checked without DOM or Node types, the server without the DOM, overlays and the extension
// without Node. The root project checks tests, benchmarks, scripts and configs. The projects are
// independent, so they are checked side by side, one compiler per core.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';

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

/** Checks one project; resolves with its exit status and everything the compiler printed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(npx, ['tsc', '--noEmit', '-p', project], {
      shell: process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (status) => resolve({ status, output }));
  });
}

async function main() {
  const queue = [...PROJECTS];
  const failed = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [project, label] = next;
      const { status, output } = await check(project);
      // Each project's errors are printed together, under its line.
      console.log(`${status === 0 ? '✔' : '✘'} ${project} (${label})`);
      if (output.trim()) console.log(output.trimEnd());
      if (status !== 0) failed.push(project);
    }
  };
  const lanes = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  if (failed.length > 0) {
    console.error(`type errors in ${failed.join(', ')}`);
    process.exit(1);
  }
}

// Imported by tests for PROJECTS only; run when started as a script.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
