/**
 * The actions overlay: what the action rules play on stream. Sounds play through Web Audio
 * (uploaded or bundled, at the action's volume times the owner's master volume, silent while
 * muted), video clips fill the screen's box, texts stack up from the bottom, timers and
 * countdowns stand in the top right. A run starts
 * when the server says so (`action.start`) and goes when it ends (`action.end`); a page that
 * (re)connects shows the texts and timers still running, but never replays a clip from the middle.
 */
import { Container } from 'pixi.js';
import type { StateUpdate } from '../../../shared/protocol/channel-data';
import type { IncrementUpdate } from '../../../shared/protocol/wire/read-wire';
import { FrameClock } from '../../stage/motion';
import type { OverlayParams } from '../../stage/params';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { soundUrl } from '../../stage/sound/bundled-sounds';
import { SoundPlayer } from '../../stage/sound/sound-player';
import { actionsDemo } from './actions-demo';
import { ClipPlayer, type ClipReport } from './clip-player';
import { isOverlayRun, type OverlayRun } from './overlay-runs';
import { TEXT_CARD, TextCard } from './text-card';
import { TIMER_CARD, TimerCard } from './timer-card';

const BOX = { width: 1920, height: 1080 };
const MARGIN = 40;
/** Finished clips the test hook still reports. */
const CLIPS_REPORTED = 10;
/** Action sounds ringing at once at most (rules firing together, a chat command spammed). */
const ACTION_VOICES = 4;

class ActionsScreen implements OverlayScreen {
  readonly view = new Container({ label: 'actions' });
  private readonly clipLayer = new Container({ label: 'action-clips' });
  private readonly textLayer = new Container({ label: 'action-texts' });
  private readonly timerLayer = new Container({ label: 'action-timers' });
  private readonly texts: TextCard[] = [];
  private readonly timers = new Map<string, TimerCard>();
  private readonly clips = new Map<string, ClipPlayer>();
  private readonly finishedClips: ClipReport[] = [];
  private readonly frames = new FrameClock();
  /** The master volume and mute clips and sounds follow. */
  private mix = { volume: 1, muted: false };
  private readonly player: SoundPlayer;
  /** Sound runs still running (a sound that loads after its run ended is not played). */
  private readonly soundRuns = new Set<string>();

  constructor(private readonly context: ScreenContext) {
    this.view.addChild(this.clipLayer, this.textLayer, this.timerLayer);
    this.player = new SoundPlayer(ACTION_VOICES, (id) => soundUrl(id, context.params.token));
  }

  applyState(update: StateUpdate, origin: 'snapshot' | 'update'): void {
    if (update.channel === 'sounds') {
      const { volume, muted } = update.data.settings;
      this.mix = { volume, muted };
      this.player.setMix(this.mix);
      for (const clip of this.clips.values()) clip.setMix(this.mix);
      return;
    }
    if (update.channel !== 'actions') return;
    const running = update.data.running.filter(isOverlayRun);
    const live = new Set(running.map((run) => run.runId));
    // A run that ended while this page was away (or whose end it missed) goes.
    for (const runId of this.shownRunIds()) if (!live.has(runId)) this.end(runId);
    if (origin !== 'snapshot') return;
    for (const run of running) if (!this.shows(run.runId)) this.start(run, false);
  }

  applyUpdate(update: IncrementUpdate): void {
    if (update.type === 'action.start') {
      const run = update.data;
      if (isOverlayRun(run) && !this.shows(run.runId)) this.start(run, true);
    } else if (update.type === 'action.end') this.end(update.data.runId);
  }

  private shownRunIds(): string[] {
    return [
      ...this.texts.filter((card) => !card.ending).map((card) => card.runId),
      ...this.timers.keys(),
      ...this.clips.keys(),
    ];
  }

  private shows(runId: string): boolean {
    return (
      this.texts.some((card) => card.runId === runId) ||
      this.timers.has(runId) ||
      this.clips.has(runId)
    );
  }

  /** `fresh`: the run starts now; else it was already running when this page connected. */
  private start(run: OverlayRun, fresh: boolean): void {
    const { theme, params } = this.context;
    const action = run.action;
    if (action.kind === 'text') {
      const card = new TextCard(run.runId, action.text, theme);
      this.texts.push(card);
      this.textLayer.addChild(card.view);
      this.layout();
    } else if (action.kind === 'timer') {
      const already = fresh || run.startedAt === null ? 0 : Math.max(0, Date.now() - run.startedAt);
      const card = new TimerCard(
        run.runId,
        action.label,
        action.seconds,
        action.direction,
        performance.now() - already,
        theme,
      );
      card.tick(performance.now());
      this.timers.set(run.runId, card);
      this.timerLayer.addChild(card.view);
      this.layout();
    } else if (action.kind === 'sound' && fresh) {
      // Never replayed on a reconnect: a sound heard half a minute late is noise.
      this.soundRuns.add(run.runId);
      void this.player.playSoon(action.soundId, action.volume, action.seconds || undefined, () =>
        this.soundRuns.has(run.runId),
      );
    } else if (action.kind === 'clip' && fresh) {
      const player = new ClipPlayer(
        run.runId,
        action.clipId,
        `/clips/${encodeURIComponent(action.clipId)}${clipQuery(params)}`,
        BOX,
        action.volume,
        this.mix,
        () => this.context.requestDraw(),
      );
      this.clips.set(run.runId, player);
      this.clipLayer.addChild(player.sprite);
    }
  }

  private end(runId: string): void {
    this.soundRuns.delete(runId);
    for (const card of this.texts) if (card.runId === runId) card.leave();
    const timer = this.timers.get(runId);
    if (timer) {
      this.timers.delete(runId);
      release(timer.view);
      this.layout();
    }
    const clip = this.clips.get(runId);
    if (clip) {
      this.clips.delete(runId);
      this.finishedClips.push(clip.report());
      if (this.finishedClips.length > CLIPS_REPORTED) this.finishedClips.shift();
      clip.destroy();
    }
  }

  /** Texts from the bottom up, newest lowest; timers down the right edge. */
  private layout(): void {
    this.texts.forEach((card, index) => {
      const fromBottom = this.texts.length - 1 - index;
      card.view.position.set(
        (BOX.width - TEXT_CARD.width) / 2,
        BOX.height - MARGIN - TEXT_CARD.height - fromBottom * (TEXT_CARD.height + 20),
      );
    });
    let index = 0;
    for (const card of this.timers.values()) {
      card.view.position.set(
        BOX.width - MARGIN - TIMER_CARD.width,
        MARGIN + index * (TIMER_CARD.height + 20),
      );
      index += 1;
    }
  }

  update(now: number): void {
    const delta = this.frames.delta(now);
    for (const card of [...this.texts]) {
      if (!card.step(delta)) continue;
      this.texts.splice(this.texts.indexOf(card), 1);
      release(card.view);
      this.layout();
    }
    let ticked = false;
    for (const timer of this.timers.values()) ticked = timer.tick(now) || ticked;
    if (ticked) this.context.requestDraw();
  }

  isStill(): boolean {
    return (
      this.texts.every((card) => card.still) &&
      ![...this.clips.values()].some((clip) => clip.moving)
    );
  }

  debugState(): Record<string, unknown> {
    return {
      texts: this.texts.map((card) => ({ runId: card.runId, text: card.text })),
      timers: [...this.timers.values()].map((timer) => ({ runId: timer.runId, clock: timer.text })),
      clips: [...this.clips.values()].map((clip) => clip.report()),
      finishedClips: [...this.finishedClips],
      mix: { ...this.mix },
      sound: this.player.report(),
    };
  }

  destroy(): void {
    this.player.close();
    for (const clip of this.clips.values()) clip.destroy();
    this.clips.clear();
    release(this.view);
  }
}

/** A clip is fetched with the page's token, from the stream the page shows (`?streamer=` on HTTP). */
function clipQuery(params: OverlayParams): string {
  const query = new URLSearchParams();
  if (params.token) query.set('token', params.token);
  if (params.stream) query.set('streamer', params.stream);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const actionsScreen: ScreenDefinition = {
  id: 'actions',
  channels: ['actions', 'sounds'],
  size: BOX,
  defaultAnchor: 'center',
  create: (context) => new ActionsScreen(context),
  demo: actionsDemo,
};
