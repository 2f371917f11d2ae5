/**
 * The sponsor card: a lower third with the brand's logo, the product, the promo code, a call
 * to action and a countdown of the segment's planned time (paused segments stand still).
 */
import { Container, Graphics, type Text } from 'pixi.js';
import type { SponsorCardView, StateUpdate } from '../../../shared/protocol/channel-data';
import { makeLabel, setLabelText } from '../../stage/label';
import { approach, FrameClock } from '../../stage/motion';
import { drawPanel } from '../../stage/panel';
import { avatarFallback, Picture } from '../../stage/picture';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import {
  type CountdownFace,
  type CountdownInput,
  countdownFace,
  formatClock,
  sameFace,
  secondsLeft,
} from './countdown';
import { sponsorDemo } from './sponsor-demo';

const BOX = { width: 1040, height: 170 };
const KIND_LABEL: Record<SponsorCardView['kind'], string> = {
  productPlacement: 'FEATURED',
  sponsoredSegment: 'SPONSORED BY',
  coHostedEvent: 'CO-HOSTED WITH',
};

interface CardParts {
  root: Container;
  clock: Text;
  progress: Graphics;
}

class SponsorScreen implements OverlayScreen {
  readonly view = new Container({ label: 'sponsor' });
  private parts: CardParts | null = null;
  private card: SponsorCardView | null = null;
  private timing: CountdownInput | null = null;
  private fade = 0;
  /** The countdown as last drawn; null after a new state, so it is drawn afresh. */
  private face: CountdownFace | null = null;
  private readonly clock = new FrameClock();

  constructor(private readonly context: ScreenContext) {}

  applyState(update: StateUpdate): void {
    const parsed = update.channel === 'sponsor' ? update.data : null;
    if (!parsed) return;
    const card = parsed.card;
    const now = performance.now();
    const sameCard =
      card !== null &&
      this.card !== null &&
      card.segmentId === this.card.segmentId &&
      card.product === this.card.product &&
      card.promoCode === this.card.promoCode &&
      card.logoUrl === this.card.logoUrl;
    this.card = card;
    this.timing = card
      ? {
          plannedSeconds: card.plannedSeconds,
          elapsedSeconds: card.elapsedSeconds,
          running: card.state === 'running',
          receivedAt: now,
          now,
        }
      : null;
    this.face = null;
    if (sameCard) return;
    if (this.parts) release(this.parts.root);
    this.parts = card ? this.build(card) : null;
    if (this.parts) {
      this.view.addChild(this.parts.root);
      this.fade = 0;
    }
  }

  applyUpdate(): void {}

  private build(card: SponsorCardView): CardParts {
    const { theme } = this.context;
    const root = new Container({ label: `sponsor:${card.segmentId}` });
    root.addChild(drawPanel(new Graphics(), theme, BOX.width, BOX.height, 24));
    root.addChild(new Graphics().roundRect(0, 18, 8, BOX.height - 36, 4).fill(theme.accent));
    const logo = new Picture(
      card.logoUrl,
      120,
      'square',
      avatarFallback(theme, card.brand, 120, theme.accent),
      // The streamer's own logo URL, not a TikTok picture: loaded as is (CORS permitting).
      'direct',
    );
    logo.position.set(28, 25);
    // The logo may load after the card came to rest: draw it once then.
    logo.onShown = () => this.context.requestDraw();
    const kind = makeLabel(theme, {
      text: `${KIND_LABEL[card.kind]} ${card.brand.toUpperCase()}`,
      size: 20,
      weight: '800',
      color: theme.muted,
      maxWidth: 470,
    });
    kind.position.set(172, 24);
    const product = makeLabel(theme, {
      text: card.product,
      size: 40,
      weight: '900',
      maxWidth: 470,
    });
    product.position.set(172, 54);
    const cta = makeLabel(theme, {
      text: card.callToAction ?? '',
      size: 22,
      color: theme.muted,
      maxWidth: 470,
    });
    cta.position.set(172, 112);
    root.addChild(logo, kind, product, cta);
    if (card.promoCode) {
      const pill = new Graphics()
        .roundRect(668, 36, 250, 98, 18)
        .fill({ color: theme.accent, alpha: 0.18 })
        .stroke({ width: 3, color: theme.accent });
      const codeLabel = makeLabel(theme, {
        text: 'PROMO CODE',
        size: 16,
        weight: '800',
        color: theme.accent,
        anchor: { x: 0.5, y: 0 },
      });
      codeLabel.position.set(793, 46);
      const code = makeLabel(theme, {
        text: card.promoCode,
        size: 38,
        weight: '900',
        maxWidth: 226,
        anchor: { x: 0.5, y: 0 },
      });
      code.position.set(793, 72);
      root.addChild(pill, codeLabel, code);
    }
    const clock = makeLabel(theme, { text: '', size: 30, weight: '800', anchor: { x: 1, y: 0.5 } });
    clock.position.set(BOX.width - 26, BOX.height / 2);
    const progress = new Graphics();
    progress.position.set(24, BOX.height - 10);
    root.addChild(clock, progress);
    return { root, clock, progress };
  }

  update(now: number): void {
    if (!this.parts || !this.timing) return;
    const face = countdownFace({ ...this.timing, now });
    if (!sameFace(this.face, face)) {
      this.face = face;
      setLabelText(this.parts.clock, formatClock(face.seconds));
      const width = (BOX.width - 48) * (1 - face.progress);
      this.parts.progress
        .clear()
        .roundRect(0, 0, Math.max(1, width), 4, 2)
        .fill(this.context.theme.accent);
      this.context.requestDraw();
    }
    this.fade = approach(this.fade, 1, this.clock.delta(now), 90);
    this.parts.root.alpha = this.fade;
    this.parts.root.x = -40 * (1 - this.fade);
  }

  /** Still once the card slid in; the countdown asks for one frame per second it ticks. */
  isStill(): boolean {
    return this.parts === null || this.fade >= 1;
  }

  debugState(): Record<string, unknown> {
    return {
      segmentId: this.card?.segmentId ?? null,
      state: this.card?.state ?? null,
      secondsLeft: this.timing ? secondsLeft({ ...this.timing, now: performance.now() }) : null,
      animating: this.parts !== null && this.fade < 1,
    };
  }

  destroy(): void {
    release(this.view);
  }
}

export const sponsorScreen: ScreenDefinition = {
  id: 'sponsor',
  channels: ['sponsor'],
  size: BOX,
  defaultAnchor: 'bottom-left',
  create: (context) => new SponsorScreen(context),
  demo: sponsorDemo,
};
