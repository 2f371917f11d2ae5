/**
 * A text action on screen: the rule's text with the viewer's fields filled in by the server,
 * drawn as Pixi Text on a panel (a name full of markup stays text), fading in and out.
 */
import { Container, Graphics } from 'pixi.js';
import { makeLabel } from '../../stage/label';
import { approach } from '../../stage/motion';
import { drawPanel } from '../../stage/panel';
import type { Theme } from '../../stage/theme';

export const TEXT_CARD = { width: 1400, height: 120 };

export class TextCard {
  readonly view: Container;
  private alpha = 0;
  private leaving = false;

  constructor(
    readonly runId: string,
    readonly text: string,
    theme: Theme,
  ) {
    this.view = new Container({ label: `action-text:${runId}` });
    const label = makeLabel(theme, {
      text,
      size: 54,
      weight: '800',
      maxWidth: TEXT_CARD.width - 80,
      anchor: 0.5,
      shadow: true,
    });
    label.position.set(TEXT_CARD.width / 2, TEXT_CARD.height / 2);
    this.view.addChild(
      drawPanel(new Graphics(), theme, TEXT_CARD.width, TEXT_CARD.height, 28),
      label,
    );
    this.view.alpha = 0;
  }

  leave(): void {
    this.leaving = true;
  }

  /** Fades toward shown (or gone once leaving); true once gone. */
  step(deltaMs: number): boolean {
    this.alpha = approach(this.alpha, this.leaving ? 0 : 1, deltaMs, 120);
    this.view.alpha = this.alpha;
    return this.leaving && this.alpha === 0;
  }

  /** Its run ended: it is fading out. */
  get ending(): boolean {
    return this.leaving;
  }

  get still(): boolean {
    return !this.leaving && this.alpha === 1;
  }
}
