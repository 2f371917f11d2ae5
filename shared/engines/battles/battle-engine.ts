/**
 * Link-mic battles: the sides of each battle with their hosts and live points, the streamer's
 * side first, and the result at the end (a winner or a draw), for two sides or more.
 *
 * Battle points RESTATE gifts: the gifts that earn them arrive as `gift` events and the ledger
 * counts those. Nothing here reaches coins, earnings or goals.
 *
 * A side's points are a sampled running total (like the room's likes): the latest message
 * states it, and points never go down within a battle, so a late or repeated message cannot
 * take a score back. The battle on show stays `current` for RESULT_SHOWN_MS of stream time
 * after it ends, so overlays show the result, then clear.
 */
import type { BattleEvent } from '../../events/battle';
import type { BattleState, BattleView, ViewerBadge } from '../../protocol/channel-data';
import { clone } from '../json-state';
import { battleOutcome, leaderOf } from './battle-outcome';

/** How long an ended battle stays on show with its result, ms of stream time. */
export const RESULT_SHOWN_MS = 20_000;
/** Battles kept for the report (a stream with more keeps its latest). */
const KEPT = 200;
/** Finished battles in the channel's `recent` list. */
const RECENT = 5;

interface SideRecord {
  hostId: string;
  host: ViewerBadge | null;
  score: number;
  /** TikTok's stated result for the side, when it gave one. */
  stated: BattleView['sides'][number]['result'];
  result: BattleView['sides'][number]['result'];
}

interface BattleRecord {
  id: string;
  status: BattleView['status'];
  sides: SideRecord[];
  winnerHostId: string | null;
  draw: boolean;
  startedAt: number;
  endedAt: number | null;
  endsAt: number | null;
}

/** Exported state of the battle engine (journal snapshots). */
export interface BattleEngineState {
  battles: BattleRecord[];
  /** The battle overlays show (running, or ended less than RESULT_SHOWN_MS ago). */
  shownId: string | null;
  /** The streamer, to put their side first: their handle from the stream's start, and the id
   * of their side once a battle names them. */
  streamer: { handle: string | null; id: string | null };
}

export function createBattleEngine(saved?: BattleEngineState) {
  const s: BattleEngineState = saved
    ? clone(saved)
    : { battles: [], shownId: null, streamer: { handle: null, id: null } };

  const find = (id: string) => s.battles.find((battle) => battle.id === id);

  const isStreamer = (side: SideRecord) =>
    side.hostId === s.streamer.id ||
    (s.streamer.handle !== null &&
      side.host !== null &&
      side.host.handle.toLowerCase() === s.streamer.handle.toLowerCase());

  /** A battle cut off by a newer one or the stream's end: no result was ever given. */
  const cutOff = (battle: BattleRecord, at: number) => {
    battle.status = 'unfinished';
    battle.endedAt = at;
  };

  const open = (event: BattleEvent): BattleRecord => {
    for (const other of s.battles) if (other.status === 'running') cutOff(other, event.at);
    const battle: BattleRecord = {
      id: event.battleId,
      status: 'running',
      sides: [],
      winnerHostId: null,
      draw: false,
      startedAt: event.at,
      endedAt: null,
      endsAt: null,
    };
    s.battles.push(battle);
    if (s.battles.length > KEPT) s.battles.splice(0, s.battles.length - KEPT);
    return battle;
  };

  const merge = (battle: BattleRecord, event: BattleEvent) => {
    for (const side of event.sides) {
      let known = battle.sides.find((x) => x.hostId === side.hostId);
      if (!known) {
        known = { hostId: side.hostId, host: null, score: 0, stated: null, result: null };
        battle.sides.push(known);
      }
      if (side.host) {
        const { id, handle, nickname, avatarUrl } = side.host;
        known.host = { id, handle, nickname, avatarUrl };
      }
      if (side.score !== null) known.score = Math.max(known.score, side.score);
      if (side.result !== null) known.stated = side.result;
      if (s.streamer.id === null && isStreamer(known)) s.streamer.id = known.hostId;
    }
    if (event.endsAt !== null) battle.endsAt = event.endsAt;
  };

  const finish = (battle: BattleRecord, event: BattleEvent) => {
    const outcome = battleOutcome(battle.sides, event.winnerHostId);
    battle.status = 'ended';
    battle.endedAt ??= event.at;
    battle.winnerHostId = outcome.winnerHostId;
    battle.draw = outcome.draw;
    for (const side of battle.sides) side.result = outcome.results.get(side.hostId) ?? null;
  };

  const view = (battle: BattleRecord): BattleView => {
    const sides = battle.sides.map((side) => ({
      hostId: side.hostId,
      host: side.host ? { ...side.host } : null,
      score: side.score,
      streamer: isStreamer(side),
      result: side.result,
    }));
    // The streamer's side first; the others keep TikTok's order (a stable sort).
    sides.sort((a, b) => Number(b.streamer) - Number(a.streamer));
    return {
      id: battle.id,
      status: battle.status,
      sides,
      leaderHostId: leaderOf(battle.sides.map((side) => ({ ...side, stated: null }))),
      winnerHostId: battle.winnerHostId,
      draw: battle.draw,
      startedAt: battle.startedAt,
      endedAt: battle.endedAt,
      endsAt: battle.endsAt,
    };
  };

  return {
    /** The streamer's handle, from the stream's start: their side goes first. */
    setStreamer(handle: string | null): void {
      if (handle) s.streamer.handle = handle.replace(/^@/, '');
    },

    /**
     * The streamer as TikTok names them (the LIVE intro's host): known by id from then on, so a
     * replayed recording, which has no stream start naming the host, still puts their side
     * first. True when a battle on show changes order.
     */
    setStreamerUser(host: { id: string; handle: string }): boolean {
      if (s.streamer.id === host.id) return false;
      s.streamer.id = host.id;
      s.streamer.handle = host.handle;
      return s.shownId !== null;
    },

    /** One battle message; true when the battle channel changed. */
    apply(event: BattleEvent): boolean {
      let battle = find(event.battleId);
      // A finished battle takes no more score updates; a restated end may still fix its points.
      if (battle && battle.status !== 'running' && event.phase !== 'end') return false;
      battle ??= open(event);
      merge(battle, event);
      if (event.phase === 'end') finish(battle, event);
      s.shownId = battle.id;
      return true;
    },

    /** Stream time passed: a result shown long enough leaves the overlays. */
    tick(now: number): boolean {
      const shown = s.shownId === null ? undefined : find(s.shownId);
      if (!shown || shown.status === 'running') return false;
      if (now - (shown.endedAt ?? now) < RESULT_SHOWN_MS) return false;
      s.shownId = null;
      return true;
    },

    /** The stream ended: a battle still running is cut off without a result. */
    endStream(at: number): boolean {
      const running = s.battles.filter((battle) => battle.status === 'running');
      for (const battle of running) cutOff(battle, at);
      return running.length > 0;
    },

    view(): BattleState {
      const shown = s.shownId === null ? undefined : find(s.shownId);
      const recent = s.battles
        .filter((battle) => battle.status !== 'running')
        .slice(-RECENT)
        .reverse();
      return { current: shown ? view(shown) : null, recent: recent.map(view) };
    },

    /** Every battle of the stream, oldest first: the report lists them. */
    all: (): BattleView[] => s.battles.map(view),

    exportState: (): BattleEngineState => clone(s),
  };
}

export type BattleEngine = ReturnType<typeof createBattleEngine>;
