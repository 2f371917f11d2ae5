/**
 * One alert on screen: avatar, name, what they sent, the gift's picture and the live streak
 * counter, dressed by its tier (glow, rays, confetti, shake). The sequencer decides when it
 * lives; the card only draws the phase it is told.
 *
 * What holds still inside the card (the panel, pictures, texts, glow halos, rays) is baked into
 * antialiased textures once (stage/bake.ts) and moves as sprites: the alerts page draws on a
 * canvas without multisampling, which on software WebGL cost a third of a storm's frame.
 */
import { Container, Graphics, Text } from 'pixi.js';
import type { AlertView } from '../../../shared/protocol/channel-data';
import { hashString, mulberry32 } from '../../../shared/random/prng';
import { bakeResolution, bakeShapes } from '../../stage/bake';
import { makeLabel, setLabelText } from '../../stage/label';
import { avatarFallback, giftFallback, Picture } from '../../stage/picture';
import { RELEASE_ALL } from '../../stage/release';
import type { Theme } from '../../stage/theme';
import { displayName } from '../../stage/viewer-name';
import type { AlertPhase } from './alert-sequencer';
import { actionLine, countLabel } from './alert-text';
import { ConfettiBurst } from './confetti';
import { reachAround } from './confetti-motion';
import { COUNT_CENTER, countScale } from './count-fit';
import { GlowFrame } from './glow-frame';
import { LightRays } from './tier-effects';
import {
  alertStyle,
  CARD_HEIGHT,
  CARD_WIDTH,
  easeOutBack,
  easeOutCubic,
  entranceRoom,
  type TierStyle,
} from './tiers';

const STORM_COLOR = 0x9b5cff;

export class AlertCard extends Container {
  readonly alertId: string;
  readonly tier: AlertView['tier'];
  private readonly style: TierStyle;
  private readonly body = new Container();
  /** The still part of the body, baked: panel, pictures, name, action line, badge. */
  private readonly face = new Container({ label: 'face' });
  /** Glow halos, drawn once (the card pulses their alpha). */
  private readonly glow: GlowFrame;
  private readonly rays: LightRays | null;
  private readonly confetti: ConfettiBurst | null;
  private readonly nameText: Text;
  private readonly action: Text;
  private readonly count: Text;
  private readonly random: () => number;
  private readonly avatar: Picture;
  private readonly giftPicture: Picture | null = null;
  private readonly merged: boolean;
  private shownCount: number;
  private pulse = 0;
  private lastNow: number | null = null;
  settled: boolean;

  /**
   * `devicePixels`: device pixels per design pixel where the card is shown (stage/bake.ts
   * `devicePixelsOf` of its parent), so baked parts are as sharp as the card is drawn.
   */
  constructor(theme: Theme, alert: AlertView, devicePixels = 1) {
    super({ label: `alert:${alert.id}` });
    this.alertId = alert.id;
    this.tier = alert.tier;
    this.style = alertStyle(alert);
    this.random = mulberry32(hashString(alert.id));
    this.shownCount = alert.count;
    this.settled = alert.settled;
    const color = alert.merged ? STORM_COLOR : this.style.color;

    const resolution = bakeResolution(this.style.scale, devicePixels);

    this.rays = this.style.rays
      ? new LightRays(color, bakeResolution(0.5 * this.style.scale, devicePixels))
      : null;
    if (this.rays) this.addChild(this.rays);
    this.glow = new GlowFrame(this.style.glow, color, CARD_WIDTH, CARD_HEIGHT, resolution);
    this.addChild(this.glow, this.body);
    this.body.pivot.set(CARD_WIDTH / 2, CARD_HEIGHT / 2);
    this.body.addChild(this.face);

    const panel = new Graphics({ label: 'card-panel' })
      .roundRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 28)
      .fill({ color: theme.panel, alpha: theme.panelAlpha })
      .stroke({ width: 4, color });
    this.face.addChild(panel);

    this.merged = alert.merged !== null;
    const avatar = new Picture(
      alert.user.avatarUrl,
      120,
      'circle',
      avatarFallback(theme, displayName(alert.user), 120, color),
    );
    avatar.position.set(30, 30);
    this.avatar = avatar;
    this.face.addChild(avatar);

    this.nameText = makeLabel(theme, {
      text: displayName(alert.user),
      size: 40,
      weight: '800',
      maxWidth: 330,
    });
    this.nameText.position.set(170, 36);
    this.action = makeLabel(theme, {
      text: actionLine(alert),
      size: 28,
      color: theme.muted,
      maxWidth: 330,
    });
    this.action.position.set(170, 96);
    this.face.addChild(this.nameText, this.action);

    if (alert.gift || alert.merged) {
      const gift = new Picture(
        alert.gift?.imageUrl ?? null,
        120,
        'square',
        giftFallback(120, color),
      );
      gift.position.set(520, 30);
      this.giftPicture = gift;
      this.face.addChild(gift);
    }
    this.count = makeLabel(theme, {
      text: countLabel(alert.count),
      size: 58,
      weight: '900',
      color,
      anchor: { x: 0.5, y: 0.5 },
      shadow: true,
    });
    this.count.position.set(COUNT_CENTER.x, COUNT_CENTER.y);
    this.count.visible = alert.kind === 'gift' || alert.merged !== null;
    this.body.addChild(this.count);

    if (alert.merged) {
      const storm = makeLabel(theme, { text: 'GIFT STORM', size: 22, weight: '900', color });
      storm.position.set(28, -34);
      this.body.addChild(storm);
    } else if (alert.tier >= 3) {
      const badge = makeLabel(theme, {
        text: this.style.label.toUpperCase(),
        size: 22,
        weight: '900',
        color,
      });
      badge.position.set(28, -34);
      this.body.addChild(badge);
    }
    // Texts drawn at the card's size, not stretched from a smaller texture. The badge above the
    // card stays its own sprite: in the bake it would widen the face's texture by a strip.
    for (const child of [...this.face.children, ...this.body.children]) {
      if (child instanceof Text) child.resolution = resolution;
    }
    this.count.resolution = resolution;
    bakeShapes(this.face, resolution);
    // A picture that loads later (the fallback shows first) is baked in then.
    const rebake = () => this.face.updateCacheTexture();
    this.avatar.onShown = rebake;
    if (this.giftPicture) this.giftPicture.onShown = rebake;

    this.confetti =
      this.style.particles > 0
        ? new ConfettiBurst(
            this.style.particles,
            this.style.scale,
            hashString(alert.id),
            reachAround(CARD_WIDTH * this.style.scale, CARD_HEIGHT * this.style.scale),
          )
        : null;
    if (this.confetti) this.addChild(this.confetti);
    this.alpha = 0;
  }

  /** A streak frame: the counter rises and pulses; settling stops it at its final value. */
  refresh(alert: AlertView): void {
    if (alert.count !== this.shownCount) {
      this.shownCount = alert.count;
      setLabelText(this.count, countLabel(alert.count));
      this.pulse = 1;
    }
    const action = this.action.text;
    setLabelText(this.action, actionLine(alert), 330);
    if (this.action.text !== action) this.face.updateCacheTexture();
    this.settled = alert.settled;
  }

  /** Storm mode merged several gifts into this alert. */
  get isMerged(): boolean {
    return this.merged;
  }

  get shownCountValue(): number {
    return this.shownCount;
  }

  /** What the card draws, for the test hook: real pictures or drawn fallbacks, storm look. */
  describe(): { avatar: string; gift: string | null; merged: boolean; count: string } {
    const kind = (picture: Picture) => (picture.loaded ? 'image' : 'fallback');
    return {
      avatar: kind(this.avatar),
      gift: this.giftPicture ? kind(this.giftPicture) : null,
      merged: this.merged,
      count: this.count.text,
    };
  }

  /** Which parts are drawn once, antialiased (the canvas does not multisample): for the hook. */
  baked(): { face: boolean; glow: boolean; rays: boolean | null } {
    return {
      face: this.face.isCachedAsTexture,
      glow: this.style.glow === 0 || this.glow.baked,
      rays: this.rays ? this.rays.baked : null,
    };
  }

  /** Draws the card at its phase; `now` drives pulses, particles and rays. */
  animate(phase: AlertPhase, progress: number, now: number): void {
    const delta = this.lastNow === null ? 16 : Math.min(100, now - this.lastNow);
    this.lastNow = now;
    const base = this.style.scale;
    let scale = base;
    let offsetX = 0;
    let offsetY = 0;
    this.alpha = 1;
    if (phase === 'in') {
      const eased = easeOutBack(progress);
      // Entrances stay inside the alerts box, so on the scene page they pass over no other screen.
      const room = entranceRoom(base);
      switch (this.style.entrance) {
        case 'slide':
          offsetX = -room.slide * (1 - easeOutCubic(progress));
          // Never invisible on its first frame: the alert is on screen as soon as it arrives.
          this.alpha = 0.35 + 0.65 * progress;
          break;
        case 'surge':
          scale = base * (1 + (room.surge - 1) * (1 - easeOutCubic(progress)));
          this.alpha = 0.35 + 0.65 * progress;
          break;
        default:
          scale = base * (0.3 + 0.7 * eased);
      }
      const shake = this.style.shake * (1 - progress);
      offsetX += (this.random() - 0.5) * 2 * shake;
      offsetY += (this.random() - 0.5) * 2 * shake;
    } else if (phase === 'out') {
      this.alpha = 1 - progress;
      scale = base * (1 - 0.1 * progress);
      offsetY = -30 * progress;
    }
    this.pulse = Math.max(0, this.pulse - delta / 220);
    // Measured each frame (cached by Pixi per text and style): a font that loads late changes it.
    const text = this.count.getLocalBounds();
    this.count.scale.set(countScale(text.width, text.height, this.pulse));
    this.body.scale.set(scale);
    this.body.position.set(offsetX, offsetY);
    this.glow.scale.set(scale);
    this.glow.alpha = 0.55 + 0.45 * Math.sin(now / 260);
    if (this.rays) {
      this.rays.rotation += delta / 2400;
      this.rays.scale.set(phase === 'in' ? easeOutCubic(progress) * base : base);
    }
    this.confetti?.step(delta);
  }

  override destroy(): void {
    super.destroy(RELEASE_ALL);
  }
}
