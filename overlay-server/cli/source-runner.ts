/** Picks the event source from the flags and runs it into the application's source board. */
import { basename } from 'node:path';
import type { SourceBoard } from '../app/source-sink';
import type { Logger } from '../log';
import { createTikTokSource } from '../sources/connector';
import type { InputSummary } from '../sources/input-summary';
import { createReplaySource, parseReplaySpeed } from '../sources/replay-source';
import { createSimulatorSource } from '../sources/simulator/simulator-source';
import type { EventSourceRunner } from '../sources/source';
import type { SourceChoice } from './start-args';

export interface ChosenSource {
  runner: EventSourceRunner | null;
  /** One line for the start-up banner. */
  describe: string;
  /** A replay's input: its name and what became of every line (printed once it is read). */
  input?: { name: string; summary(): InputSummary };
}

/** What the live TikTok source needs beyond its flag: the API key's places and `--record`. */
export interface SourceContext {
  env: NodeJS.ProcessEnv;
  home: string;
  record?: string;
  /** The stream resumed at start (after a crash): how far its journal got and its like total. */
  resumed?: { seq: number; likeTotal: number };
}

export function sourceFor(choice: SourceChoice, context?: SourceContext): ChosenSource {
  switch (choice.kind) {
    case 'tiktok': {
      const tiktok = createTikTokSource({
        handle: choice.user,
        env: context?.env ?? {},
        home: context?.home ?? '.',
        recordPath: context?.record,
      });
      const key =
        tiktok.apiKeyFrom === 'none' ? 'no sign-server key' : `key from ${tiktok.apiKeyFrom}`;
      const recording = context?.record ? `, recording to ${context.record}` : '';
      return {
        runner: tiktok.runner,
        describe: `TikTok LIVE of @${choice.user.replace(/^@/, '')} (${key}${recording})`,
      };
    }
    case 'replay': {
      const speed = parseReplaySpeed(choice.speed);
      const replay = createReplaySource({ file: choice.file, speed });
      return {
        runner: replay,
        describe: `replay of ${choice.file} at ${speed === 'max' ? 'full speed' : `${speed}×`}`,
        input: { name: basename(choice.file), summary: replay.summary },
      };
    }
    case 'simulator':
      return {
        runner: createSimulatorSource({
          seed: choice.seed,
          preset: choice.preset,
          speed: choice.speed,
          // A resumed demo stream goes on with a new seeded segment: replaying the seed's script
          // from its start would send the gifts already counted a second time.
          segment: context?.resumed
            ? { index: context.resumed.seq, likeTotal: context.resumed.likeTotal }
            : undefined,
        }),
        describe: `simulated ${choice.preset} stream, seed ${choice.seed}${context?.resumed ? ', continued' : ''}${choice.speed === 1 ? '' : ` at ${choice.speed}×`} (--replay FILE for a recording)`,
      };
    default:
      return { runner: null, describe: 'none: events arrive on /ingest only' };
  }
}

/** Runs the source until it ends or `signal` aborts; a failing source is logged, never fatal. */
export async function runSource(
  source: ChosenSource,
  board: SourceBoard,
  signal: AbortSignal,
  log: Logger,
): Promise<void> {
  if (!source.runner) return;
  try {
    await source.runner.start(board.sinkFor(source.runner.name), signal);
    board.flush();
    log.info('source finished', { source: source.runner.name });
  } catch (error) {
    log.error('source stopped', { source: source.runner.name, error: String(error) });
  }
}
