/** One chat line: the viewer's name (with MOD/SUB marks) above their message, on a panel. */
import { Container, Graphics, Text } from 'pixi.js';
import type { ChatLine } from '../../../shared/protocol/channel-data';
import { displayName } from '../../stage/guards';
import { labelStyle, makeLabel } from '../../stage/label';
import { drawPanel } from '../../stage/panel';
import { RELEASE_ALL } from '../../stage/release';
import { truncateGraphemes } from '../../stage/text-fit';
import type { Theme } from '../../stage/theme';

/** Messages are cut before wrapping, so a line never grows past ~4 rows. */
export const MESSAGE_GRAPHEMES = 140;
const PAD = 14;

export class ChatLineView extends Container {
  readonly lineId: string;
  readonly lineHeight: number;
  /** Where the layout wants it; the view eases there. */
  targetY = 0;
  age = 0;

  constructor(theme: Theme, line: ChatLine, width: number) {
    super({ label: `chat:${line.id}` });
    this.lineId = line.id;
    const marks = [line.user.moderator ? 'MOD' : '', line.user.subscriber ? 'SUB' : '']
      .filter(Boolean)
      .join(' · ');
    const name = makeLabel(theme, {
      text: displayName(line.user),
      size: 24,
      weight: '800',
      color: theme.accent,
      maxWidth: width - PAD * 2 - (marks ? 110 : 0),
    });
    name.position.set(PAD, PAD - 2);
    const message = new Text({
      text: truncateGraphemes(line.text, MESSAGE_GRAPHEMES),
      style: labelStyle(theme, { text: '', size: 24, weight: '500' }),
    });
    message.style.wordWrap = true;
    message.style.breakWords = true;
    message.style.wordWrapWidth = width - PAD * 2;
    message.position.set(PAD, PAD + 30);
    const background = new Graphics();
    this.lineHeight = Math.ceil(message.height) + PAD * 2 + 30;
    drawPanel(background, theme, width, this.lineHeight, 16);
    this.addChild(background, name, message);
    if (marks) {
      const badge = makeLabel(theme, { text: marks, size: 16, weight: '800', color: theme.muted });
      badge.anchor.set(1, 0);
      badge.position.set(width - PAD, PAD + 2);
      this.addChild(badge);
    }
  }

  override destroy(): void {
    super.destroy(RELEASE_ALL);
  }
}
