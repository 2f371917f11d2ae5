/** The relay part's figures: per scenario and variant, the ratios to bare, the ingest floor. */
import { figure, type PartRecorder, type Target } from '../lib/results';
import type { RunOutcome, VariantLabel } from './relay-run';
import { type Metric, type Scenario, scenarioKey, TARGETS } from './relay-scenarios';

const VARIANTS: readonly VariantLabel[] = [
  'bare',
  'full',
  'full batched',
  'bare, source pushes',
  'full batched, source pushes',
];

/** Each full variant and the bare one fed the same way, which its ratios are taken over. */
const BASELINES = [
  ['full', 'bare'],
  ['full batched', 'bare'],
  ['full batched, source pushes', 'bare, source pushes'],
] as const;

export function scenarioFigures(
  part: PartRecorder,
  name: string,
  scenario: Scenario,
  outcomes: RunOutcome[],
): void {
  const targets = TARGETS[scenarioKey(scenario)] ?? {};
  const runsOf = (variant: VariantLabel) => outcomes.filter((o) => o.relay === variant);
  const rows: Array<[string, string, (o: RunOutcome) => number, Metric | null]> = [
    ['p50', 'ms', (o) => o.p50, 'p50'],
    ['p95', 'ms', (o) => o.p95, null],
    ['p99', 'ms', (o) => o.p99, 'p99'],
    ['lost', 'events', (o) => o.lost, 'lost'],
    ['server CPU', '% core', (o) => o.cpuPercent, null],
    ['producer + clients CPU', '% core', (o) => o.clientCpuPercent, null],
  ];
  // With no overlays there is nothing delivered to time: CPU only.
  const shown = scenario.clients === 0 ? rows.filter(([metric]) => metric.includes('CPU')) : rows;
  for (const variant of VARIANTS) {
    const runs = runsOf(variant);
    if (runs.length === 0) continue;
    const own =
      variant === 'bare' || variant === 'bare, source pushes' ? {} : (targets[variant] ?? {});
    for (const [metric, unit, pick, target] of shown) {
      part.add(
        figure(
          `${name}: ${variant} ${metric}`,
          unit,
          runs.map(pick),
          target ? own[target] : undefined,
        ),
      );
    }
    if (variant.startsWith('full batched')) {
      const perEmit = runs.map((o) => 1 / o.emitsPerEvent);
      part.add(figure(`${name}: ${variant} events per emit`, 'events', perEmit));
    }
    const refused = runs.flatMap((o) => Object.entries(o.refused).map(([c, n]) => `${c}×${n}`));
    if (refused.length)
      part.note(`${name}: ${variant} producer saw refusals: ${refused.join(', ')}`);
    const dupes = runs.reduce((n, o) => n + o.duplicates, 0);
    if (dupes) part.note(`${name}: ${variant} delivered ${dupes} duplicate copies`);
    const drops = runs.reduce((n, o) => n + o.disconnects, 0);
    if (drops) part.note(`${name}: ${variant} clients disconnected ${drops} times during runs`);
  }
  for (const [variant, baseline] of BASELINES) {
    const own = targets[variant] ?? {};
    ratioFigures(
      part,
      `${name}: %s ${variant} / ${baseline}`,
      runsOf(variant),
      runsOf(baseline),
      scenario.clients > 0,
      own,
    );
  }
  ratioFigures(
    part,
    `${name}: %s full batched / full`,
    runsOf('full batched'),
    runsOf('full'),
    scenario.clients > 0,
    {},
  );
}

/** p99 and server CPU of `runs` over `base`, run by run (runs interleave, so pairs are neighbours). */
function ratioFigures(
  part: PartRecorder,
  label: string,
  runs: RunOutcome[],
  base: RunOutcome[],
  withLatency: boolean,
  targets: Partial<Record<Metric, Target>>,
): void {
  const pairs = Math.min(runs.length, base.length);
  if (pairs === 0) return;
  const ratio = (pick: (o: RunOutcome) => number) =>
    runs.slice(0, pairs).map((o, i) => pick(o) / pick(base[i] ?? o));
  if (withLatency) {
    part.add(
      figure(
        label.replace('%s', 'p99'),
        '×',
        ratio((o) => o.p99),
        targets.p99Ratio,
      ),
    );
  }
  part.add(
    figure(
      label.replace('%s', 'server CPU'),
      '×',
      ratio((o) => o.cpuPercent),
      targets.cpuRatio,
    ),
  );
}

/**
 * The full relay's CPU with no overlays at all, as a share of the bare relay's with 10: the
 * lowest the 5,000 × 10 CPU ratio could go if sending to overlays cost nothing — per ingest mode.
 */
export function ingestFloorFigures(part: PartRecorder, measured: Map<string, RunOutcome[]>): void {
  for (const [variant, baseline] of BASELINES) {
    const bareTen = measured.get('5000x10')?.filter((o) => o.relay === baseline) ?? [];
    const alone = measured.get('5000x0')?.filter((o) => o.relay === variant) ?? [];
    const pairs = Math.min(alone.length, bareTen.length);
    if (pairs === 0) continue;
    part.add(
      figure(
        `5,000 ev/s: ${variant} server CPU with no overlays / ${baseline} with 10`,
        '×',
        alone.slice(0, pairs).map((o, i) => o.cpuPercent / (bareTen[i]?.cpuPercent ?? Number.NaN)),
      ),
    );
  }
}
