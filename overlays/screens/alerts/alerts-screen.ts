/**
 * The alerts overlay: one alert card at a time from the sequencer, its sound as it appears
 * (alert-sounds.ts), a storm banner while the server merges a gift storm, and nothing kept
 * after an alert leaves (its card, texts and textures are destroyed).
 */
import { Container, type Text } from 'pixi.js';
import type { AlertView, StateUpdate } from '../../../shared/protocol/channel-data';
import type { IncrementUpdate } from '../../../shared/protocol/wire/read-wire';
import { devicePixelsOf } from '../../stage/bake';
import { makeLabel } from '../../stage/label';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { soundUrl } from '../../stage/sound/bundled-sounds';
import { SoundPlayer } from '../../stage/sound/sound-player';
import { AlertCard } from './alert-card';
import { AlertSequencer, type SequencerEvent } from './alert-sequencer';
import { ALERT_VOICES, AlertSounds } from './alert-sounds';
import { alertsDemo } from './alerts-demo';
import { ALERTS_BOX } from './tiers';

const BOX = ALERTS_BOX;

class AlertsScreen implements OverlayScreen {
  readonly view = new Container({ label: 'alerts' });
  private readonly sequencer: AlertSequencer;
  private card: AlertCard | null = null;
  private readonly stormBanner: Text;
  private readonly context: ScreenContext;
  private readonly player: SoundPlayer;
  private readonly sounds: AlertSounds;
  /** The last alert that left the screen, as it was shown: tests check streaks settle. */
  private lastFinished: { id: string; count: number; settled: boolean } | null = null;
  /** Storm-merged alerts shown so far. */
  private mergedShown = 0;
  /** Streaks that crossed into a higher tier while on screen. */
  private levelUps = 0;

  constructor(context: ScreenContext) {
    this.context = context;
    this.sequencer = new AlertSequencer({
      minTier: context.params.minTier,
      speed: context.params.speed,
    });
    this.player = new SoundPlayer(ALERT_VOICES, (id) => soundUrl(id, context.params.token));
    this.sounds = new AlertSounds(this.player);
    this.stormBanner = makeLabel(context.theme, {
      text: 'GIFT STORM',
      size: 40,
      weight: '900',
      color: 0x9b5cff,
      anchor: { x: 0.5, y: 0 },
      shadow: true,
    });
    this.stormBanner.position.set(BOX.width / 2, 0);
    this.stormBanner.visible = false;
    this.view.addChild(this.stormBanner);
  }

  applyState(update: StateUpdate, origin: 'snapshot' | 'update'): void {
    if (update.channel === 'sounds') this.sounds.apply(update.data);
    if (update.channel !== 'alerts') return;
    this.play(this.sequencer.applyState(update.data, performance.now(), origin === 'snapshot'));
  }

  applyUpdate(update: IncrementUpdate): void {
    const now = performance.now();
    if (update.type === 'alert.upsert') this.play(this.sequencer.upsert(update.data, now));
    else if (update.type === 'alert.skip') this.play(this.sequencer.skip(update.data.id, now));
  }

  update(now: number): void {
    this.play(this.sequencer.tick(now));
    const phase = this.sequencer.phase(now);
    if (this.card && phase) this.card.animate(phase.phase, phase.progress, now);
    this.stormBanner.alpha = 0.7 + 0.3 * Math.sin(now / 150);
  }

  /** Between alerts nothing moves (the storm banner, if up, holds still): no redrawing. */
  isStill(): boolean {
    return this.card === null;
  }

  /** Turns sequencer events into cards: created at once, so they draw on the next frame. */
  private play(events: SequencerEvent[]): void {
    this.sounds.follow(events);
    for (const event of events) {
      if (event.type === 'end') {
        if (this.card?.alertId === event.id) {
          const { shownCountValue: count, settled } = this.card;
          this.lastFinished = { id: event.id, count, settled };
          this.card.destroy();
          this.card = null;
        }
      } else if (event.type === 'start') {
        this.card?.destroy();
        this.card = new AlertCard(this.context.theme, event.alert, devicePixelsOf(this.view));
        if (event.alert.merged) this.mergedShown += 1;
        this.card.position.set(BOX.width / 2, BOX.height / 2);
        this.view.addChild(this.card);
        this.card.animate('in', 0, performance.now());
      } else if (this.card?.alertId === event.alert.id) {
        if (event.alert.tier > this.card.tier) this.levelUp(event.alert);
        else this.card.refresh(event.alert);
      }
    }
    // Over merged storm cards only, storm mode on or not: the server keeps storm mode a while
    // after the last merged alert, and a single gift shown then is no storm (while a merged card
    // played after storm mode ended still is one). Set with the card, never a frame after it, so
    // no frame shows one without the other. Nor does it pulse alone, which would keep the stage
    // redrawing the whole canvas for it.
    this.stormBanner.visible = this.card?.isMerged === true;
  }

  /** A streak crossed into a higher tier: the card is redrawn in that tier's look, with its burst. */
  private levelUp(alert: AlertView): void {
    this.card?.destroy();
    this.card = new AlertCard(this.context.theme, alert, devicePixelsOf(this.view));
    this.card.position.set(BOX.width / 2, BOX.height / 2);
    this.view.addChild(this.card);
    this.card.animate('hold', 0, performance.now());
    this.levelUps += 1;
  }

  debugState(): Record<string, unknown> {
    const current = this.sequencer.current;
    return {
      current: current
        ? { id: current.id, tier: current.tier, count: current.count, settled: current.settled }
        : null,
      shownCount: this.card?.shownCountValue ?? null,
      card: this.card?.describe() ?? null,
      baked: this.card?.baked() ?? null,
      mergedShown: this.mergedShown,
      levelUps: this.levelUps,
      lastFinished: this.lastFinished,
      waiting: this.sequencer.waitingCount,
      storm: this.sequencer.storm,
      stormBanner: this.stormBanner.visible,
      paused: this.sequencer.paused,
      ...this.sequencer.stats,
      sound: this.player.report(),
    };
  }

  destroy(): void {
    this.player.close();
    release(this.view);
  }
}

export const alertsScreen: ScreenDefinition = {
  id: 'alerts',
  // `sounds`: which sound each tier and gift plays, and the owner's volume and mute.
  channels: ['alerts', 'sounds'],
  size: BOX,
  defaultAnchor: 'center',
  // Cards bake their shapes (alert-card.ts): a multisampled canvas would only add cost.
  canvasAntialias: false,
  create: (context) => new AlertsScreen(context),
  demo: alertsDemo,
};
