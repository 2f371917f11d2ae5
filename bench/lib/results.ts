/** The benchmark's result model: parts, each with figures measured over repeated runs. */
import { loadavg } from 'node:os';
import { type Spread, spreadOf } from './stats';

/** A target a figure is judged against. */
export interface Target {
  /** As written in docs/targets.md, e.g. `≤ 2 ms`. */
  text: string;
  /** Pass or fail from the runs; by default the median decides (see `check`). */
  check: (spread: Spread, runs: readonly number[]) => boolean;
}

/** One measured figure: every run's value and their spread, beside its target. */
export interface Figure {
  label: string;
  unit: string;
  runs: number[];
  spread: Spread;
  target: string | null;
  /** Null when the figure has no target or could not be measured. */
  pass: boolean | null;
}

/** One part of the benchmark (relay, alerts, recovery, soak, side panel). */
export interface PartResult {
  id: string;
  title: string;
  measured: boolean;
  /** Why a part was not measured (its dependency has not landed, it failed…). */
  reason?: string;
  figures: Figure[];
  notes: string[];
  durationSeconds: number;
  /** The machine's 1-minute load average when the part started and ended (other work disturbs figures). */
  loadAverage: { start: number; end: number };
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  loadAverage: number[];
}

export interface BenchResults {
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  commit: string;
  /** Files changed in the work tree when the bench ran. */
  dirty: boolean;
  machine: MachineInfo;
  parts: PartResult[];
}

export function figure(label: string, unit: string, runs: number[], target?: Target): Figure {
  const spread = spreadOf(runs);
  const measured = Number.isFinite(spread.median);
  return {
    label,
    unit,
    runs,
    spread,
    target: target?.text ?? null,
    pass: target && measured ? target.check(spread, runs) : null,
  };
}

/** Targets judged on the median of the runs. */
export const atMost = (limit: number, text: string): Target => ({
  text,
  check: (s) => s.median <= limit,
});

/** A figure that must be exactly `value` in every run (e.g. coins lost, either way). */
export const exactly = (value: number, text: string): Target => ({
  text,
  check: (_s, runs) => runs.every((v) => v === value),
});

/** A target every run must meet (e.g. nothing lost). */
export const everyRunAtMost = (limit: number, text: string): Target => ({
  text,
  check: (_s, runs) => runs.every((v) => v <= limit),
});

/** Collects a part's figures and notes, and turns a thrown error into "not measured". */
export class PartRecorder {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];
  constructor(
    readonly id: string,
    readonly title: string,
  ) {}

  add(f: Figure): void {
    this.figures.push(f);
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/** Runs one part; a missing dependency or failure becomes "not measured: <why>", never a crash. */
export async function runPart(
  id: string,
  title: string,
  body: (part: PartRecorder) => Promise<void>,
): Promise<PartResult> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const part = new PartRecorder(id, title);
  const done = (measured: boolean, reason?: string): PartResult => ({
    id,
    title,
    measured,
    reason,
    figures: part.figures,
    notes: part.notes,
    durationSeconds: (performance.now() - started) / 1000,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? Number.NaN },
  });
  try {
    await body(part);
    console.log(`[bench] ${id}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return done(true);
  } catch (error) {
    const reason = error instanceof NotMeasured ? error.message : describeError(error);
    console.log(`[bench] ${id}: not measured: ${reason}`);
    return done(part.figures.length > 0, reason);
  }
}

/** Thrown when a part cannot be measured yet (a dependency has not landed). */
export class NotMeasured extends Error {}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
