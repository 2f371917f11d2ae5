/**
 * Child processes of the benchmark: started with tsx's loader directly (no tsx CLI wrapper, so the
 * pid we measure is the process doing the work), waited on by condition, always stopped.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Node flags that let a child run TypeScript. */
export const TSX_EXEC_ARGV = ['--import', 'tsx'];

const live = new Set<ChildProcess>();

/** Spawns `node --import tsx <script> ...args`, its stdout/stderr piped. */
export function spawnTs(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  nodeArgs: string[] = [],
): ChildProcess {
  const child = spawn(process.execPath, [...TSX_EXEC_ARGV, ...nodeArgs, script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const output = { head: [] as string[], tail: '' };
  outputs.set(child, output);
  // Always drain the pipes: a child blocked on a full stdout pipe would distort every timing.
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (output.head.length < 200) output.head.push(...text.split('\n').slice(0, 200));
    output.tail = (output.tail + text).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

const outputs = new WeakMap<ChildProcess, { head: string[]; tail: string }>();

/** The first lines a spawned child printed (stdout and stderr), and the last 4,000 characters. */
export function outputOf(child: ChildProcess): { head: string[]; tail: string } {
  return outputs.get(child) ?? { head: [], tail: '' };
}

/** Forks a TypeScript child with an IPC channel (advanced serialization: typed arrays pass). */
export function forkTs(script: string, args: string[] = []): ChildProcess {
  const child = fork(script, args, {
    execArgv: TSX_EXEC_ARGV,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(child);
  return child;
}

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Kills every child still running (used on the way out, whatever happened). */
export function killAllChildren(): void {
  for (const child of live) child.kill('SIGKILL');
}

/** Resolves with the first stdout line that starts with `prefix` (the rest of the line). */
export function waitForLine(
  child: ChildProcess,
  prefix: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(
      () => fail(new Error(`no "${prefix}" within ${timeoutMs} ms; stderr: ${stderr.slice(-800)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const at = line.indexOf(prefix);
        if (at >= 0) {
          cleanup();
          resolve(line.slice(at + prefix.length).trim());
          return;
        }
        newline = buffered.indexOf('\n');
      }
    };
    const onErr = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(
        new Error(`exited (${code ?? signal}) before "${prefix}"; stderr: ${stderr.slice(-800)}`),
      );
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onErr);
    child.once('exit', onExit);
  });
}

/** Sends SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills with SIGKILL and waits for the exit. */
export async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream kernel.
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may contain spaces: split after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size of a process in MB, from /proc/<pid>/status. */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * Waits until the given processes together use less than `maxShare` of a core over a 250 ms
 * window (a relay still flushing a backlog must not load the next run), at most `timeoutMs`.
 */
export async function waitUntilQuiet(
  pids: number[],
  maxShare = 0.1,
  timeoutMs = 20_000,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  const total = () => pids.reduce((sum, pid) => sum + safeCpu(pid), 0);
  let before = total();
  while (performance.now() < deadline) {
    await delay(250);
    const after = total();
    if (after - before < 0.25 * maxShare) return true;
    before = after;
  }
  return false;
}

function safeCpu(pid: number): number {
  try {
    return cpuSecondsOf(pid);
  } catch {
    return 0;
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every `everyMs` until it is true or `timeoutMs` passes; returns the outcome. */
export async function pollUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 50,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return true;
    await delay(everyMs);
  }
  return condition();
}
