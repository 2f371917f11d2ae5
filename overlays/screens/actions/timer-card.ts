/**
 * A timer action: its label and a clock counting down (or up) for its seconds, from when this
 * page heard the run start (the local clock, so a skew between machines cannot make it jump).
 * The clock changes once a second: one drawn frame, not one per display frame.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { makeLabel, setLabelText } from '../../stage/label';
import { drawPanel } from '../../stage/panel';
import { formatClock } from '../../stage/text-fit';
import type { Theme } from '../../stage/theme';

export const TIMER_CARD = { width: 420, height: 150 };

export class TimerCard {
  readonly view: Container;
  private readonly clock: Text;
  private shown = '';

  constructor(
    readonly runId: string,
    label: string,
    private readonly seconds: number,
    private readonly direction: 'down' | 'up',
    /** `performance.now()` when the run started here, less what had run by then. */
    private readonly startedAt: number,
    theme: Theme,
  ) {
    this.view = new Container({ label: `action-timer:${runId}` });
    const title = makeLabel(theme, {
      text: label,
      size: 30,
      weight: '700',
      color: theme.muted,
      maxWidth: TIMER_CARD.width - 40,
      anchor: { x: 0.5, y: 0 },
    });
    title.position.set(TIMER_CARD.width / 2, 16);
    this.clock = makeLabel(theme, { text: '', size: 64, weight: '900', anchor: { x: 0.5, y: 0 } });
    this.clock.position.set(TIMER_CARD.width / 2, 56);
    this.view.addChild(
      drawPanel(new Graphics(), theme, TIMER_CARD.width, TIMER_CARD.height),
      title,
      this.clock,
    );
  }

  /** What the clock shows at `now`: seconds left counting down, or gone counting up. */
  face(now: number): string {
    const gone = Math.min(this.seconds, Math.max(0, (now - this.startedAt) / 1000));
    return this.direction === 'down'
      ? formatClock(this.seconds - gone)
      : formatClock(Math.floor(gone));
  }

  /** Sets the clock; true when its text changed (a frame to draw). */
  tick(now: number): boolean {
    const face = this.face(now);
    if (face === this.shown) return false;
    this.shown = face;
    setLabelText(this.clock, face);
    return true;
  }

  get text(): string {
    return this.shown;
  }
}
