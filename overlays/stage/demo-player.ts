/**
 * `?demo`: sample events played locally, so a streamer can place and style an overlay in OBS
 * without a live stream. A script is a loop of timed updates; the player replays it forever.
 */
import type { Channel, ChannelUpdate } from '../../shared/protocol/channels';

/** One step of a demo: wait `afterMs` (at speed 1) after the previous step, then apply. */
export interface DemoStep {
  afterMs: number;
  updates: ChannelUpdate[];
}

export interface DemoScript {
  /** States applied at once, like a snapshot. */
  initial: Partial<Record<Channel, unknown>>;
  /** Played in order, then again from the start (ids are suffixed per loop). */
  steps: DemoStep[];
}

/** Plays a script against the clock; pure apart from the `now` values it is given. */
export class DemoPlayer {
  private index = 0;
  private loop = 0;
  private dueAt: number;

  constructor(
    private readonly script: DemoScript,
    private readonly speed: number,
    startAt: number,
  ) {
    this.dueAt = startAt + (script.steps[0]?.afterMs ?? 0) / speed;
  }

  /** The updates due by `now`, with ids made unique per loop so alerts replay. */
  due(now: number): ChannelUpdate[] {
    const out: ChannelUpdate[] = [];
    const steps = this.script.steps;
    // Bounded per frame so a long pause (hidden tab) does not flood the screen.
    for (let guard = 0; steps.length > 0 && now >= this.dueAt && guard < 20; guard += 1) {
      const step = steps[this.index]!;
      for (const update of step.updates) out.push(withLoopId(update, this.loop));
      this.index += 1;
      if (this.index >= steps.length) {
        this.index = 0;
        this.loop += 1;
      }
      this.dueAt += steps[this.index]!.afterMs / this.speed;
    }
    return out;
  }
}

function withLoopId(update: ChannelUpdate, loop: number): ChannelUpdate {
  if (loop === 0) return update;
  const data = update.data;
  if (typeof data !== 'object' || data === null) return update;
  if ('id' in data && typeof data.id === 'string') {
    return { ...update, data: { ...data, id: `${data.id}~${loop}` } };
  }
  if ('ids' in data && Array.isArray(data.ids)) {
    return { ...update, data: { ...data, ids: data.ids.map((id) => `${String(id)}~${loop}`) } };
  }
  return update;
}
