// `npm test`: type-check, lint, unit and integration tests, build, browser tests.
// Prints one closing line `N passed, N failed` summing every suite.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

const steps = [];
let passed = 0;
let failed = 0;

function run(name, command, args, options = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const okay = result.status === 0;
  steps.push({ name, okay, seconds: Math.round((Date.now() - started) / 1000) });
  return okay;
}

function countFromJson(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Checks that are not test suites count as one test each.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const [name, command, args] of [
  ['type-check (one project per part)', npm, ['run', '--silent', 'typecheck']],
  ['lint', npx, ['biome', 'check', '.']],
  ['import rules', npm, ['run', '--silent', 'lint:imports']],
]) {
  if (run(name, command, args)) passed += 1;
  else failed += 1;
}

rmSync('test-results/vitest.json', { force: true });
const unitOk = run('unit and integration tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const unit = countFromJson('test-results/vitest.json', (r) => [r.numPassedTests, r.numFailedTests]);
if (unit) {
  passed += unit[0];
  failed += unit[1];
} else if (!unitOk) failed += 1;

let chromium;
try {
  chromium = ensureChromium();
  console.log(`\n[limelight] browser tests use Chromium at ${chromium}`);
} catch (error) {
  console.error(`\n[limelight] ${error.message}`);
  failed += 1;
}

// The Firefox build's sidebar test drives Debian's Firefox ESR; without one that test fails and
// says how to install it.
let firefox;
try {
  firefox = ensureFirefox();
  console.log(`[limelight] the Firefox sidebar test uses ${firefox}`);
} catch (error) {
  console.error(`\n[limelight] ${error.message}`);
}

if (chromium) {
  const buildOk = run('build (extension for Chrome and Firefox, overlays)', 'npm', [
    'run',
    'build',
  ]);
  if (buildOk) passed += 1;
  else failed += 1;
  rmSync('test-results/playwright.json', { force: true });
  const e2eOk = run('browser tests', npx, ['playwright', 'test', '--reporter=list,json'], {
    env: {
      ...process.env,
      LIMELIGHT_CHROMIUM: chromium,
      ...(firefox ? { LIMELIGHT_FIREFOX: firefox } : {}),
      PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
    },
  });
  const e2e = countFromJson('test-results/playwright.json', (r) => [
    r.stats.expected + r.stats.flaky,
    r.stats.unexpected,
  ]);
  if (e2e) {
    passed += e2e[0];
    failed += e2e[1];
  } else if (!e2eOk) failed += 1;
}

console.log('\nSuites:');
for (const step of steps)
  console.log(`  ${step.okay ? '✔' : '✘'} ${step.name} (${step.seconds} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
