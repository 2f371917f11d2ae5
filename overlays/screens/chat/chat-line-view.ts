/**
 * One chat line on a panel: the viewer's badges before their name, then the message with each
 * emote drawn where the viewer put it. Badges and emotes are TikTok's pictures (through the
 * media cache) when known, else drawn; every word is a Pixi Text, never markup.
 */
import { CanvasTextMetrics, Container, Graphics, Text } from 'pixi.js';
import type { ChatLine } from '../../../shared/protocol/channel-data';
import { chatSegments } from '../../../shared/protocol/chat-segments';
import { labelStyle, makeLabel } from '../../stage/label';
import { drawPanel } from '../../stage/panel';
import { Picture } from '../../stage/picture';
import { RELEASE_ALL } from '../../stage/release';
import { truncateGraphemes } from '../../stage/text-fit';
import type { Theme } from '../../stage/theme';
import { displayName } from '../../stage/viewer-name';
import { emoteFallback } from './badge-shapes';
import { badgeView } from './badge-view';
import { type BadgeSpec, badgesOf } from './chat-badges';
import { layoutInline } from './inline-layout';

/** Messages are cut before wrapping, so a line never grows past ~4 rows. */
export const MESSAGE_GRAPHEMES = 140;
const PAD = 14;
const NAME_ROW = 30;
const BADGE = 26;
const BADGE_GAP = 6;
const ROW = 30;
const EMOTE = 28;
const EMOTE_SPACE = 32;
const MESSAGE_ROWS = 4;

/** What a line drew, for the test hook: each part in reading order, with its place. */
export type DrawnPart =
  | {
      part: 'badge';
      kind: BadgeSpec['kind'];
      picture: 'tiktok' | 'drawn';
      loaded: boolean;
      x: number;
    }
  | { part: 'name'; text: string; x: number }
  | { part: 'text'; text: string; x: number; row: number }
  | { part: 'emote'; id: string; loaded: boolean; x: number; row: number };

export class ChatLineView extends Container {
  readonly lineId: string;
  readonly lineHeight: number;
  /** Where the layout wants it; the view eases there. */
  targetY = 0;
  age = 0;
  private readonly parts: Array<{ describe: () => DrawnPart }> = [];

  /** `pictureShown` runs when a badge or emote picture arrives after the line came to rest. */
  constructor(theme: Theme, line: ChatLine, width: number, pictureShown: () => void = () => {}) {
    super({ label: `chat:${line.id}` });
    this.lineId = line.id;
    const background = new Graphics();
    this.addChild(background);

    let x = PAD;
    for (const badge of badgesOf(line.user))
      x = this.addBadge(theme, badge, x, pictureShown) + BADGE_GAP;
    const name = makeLabel(theme, {
      text: displayName(line.user),
      size: 24,
      weight: '800',
      color: theme.accent,
      maxWidth: width - PAD - x,
    });
    name.position.set(x, PAD - 2);
    this.addChild(name);
    const nameX = x;
    this.parts.push({ describe: () => ({ part: 'name', text: name.text, x: nameX }) });

    const top = PAD + NAME_ROW;
    const messageHeight =
      line.emotes.length === 0
        ? this.addPlainMessage(theme, line.text, width, top)
        : this.addInlineMessage(theme, line, width, top, pictureShown);
    this.lineHeight = messageHeight + PAD * 2 + NAME_ROW;
    drawPanel(background, theme, width, this.lineHeight, 16);
  }

  /** Parts in reading order, for the test hook. */
  describe(): DrawnPart[] {
    return this.parts.map((part) => part.describe());
  }

  /** A badge at `x`; returns where it ends. */
  private addBadge(theme: Theme, badge: BadgeSpec, x: number, shown: () => void): number {
    const { parts, width, picture } = badgeView(theme, badge, BADGE, shown);
    for (const part of parts) {
      part.position.set(part.x + x, part.y + PAD + 1);
      this.addChild(part);
    }
    this.parts.push({
      describe: () => ({
        part: 'badge',
        kind: badge.kind,
        picture: picture ? 'tiktok' : 'drawn',
        loaded: picture?.loaded ?? false,
        x,
      }),
    });
    return x + width;
  }

  private addPlainMessage(theme: Theme, text: string, width: number, top: number): number {
    const message = new Text({
      text: truncateGraphemes(text, MESSAGE_GRAPHEMES),
      style: labelStyle(theme, { text: '', size: 24, weight: '500' }),
    });
    message.style.wordWrap = true;
    message.style.breakWords = true;
    message.style.wordWrapWidth = width - PAD * 2;
    message.position.set(PAD, top);
    this.addChild(message);
    this.parts.push({ describe: () => ({ part: 'text', text: message.text, x: PAD, row: 0 }) });
    return Math.ceil(message.height);
  }

  private addInlineMessage(
    theme: Theme,
    line: ChatLine,
    width: number,
    top: number,
    shown: () => void,
  ): number {
    const style = () => labelStyle(theme, { text: '', size: 24, weight: '500' });
    const measuring = style();
    const layout = layoutInline(chatSegments(line.text, line.emotes), {
      width: width - PAD * 2,
      emoteWidth: EMOTE_SPACE,
      maxRows: MESSAGE_ROWS,
      maxGraphemes: MESSAGE_GRAPHEMES,
      measure: (text) => CanvasTextMetrics.measureText(text, measuring).width,
    });
    measuring.destroy();
    for (const piece of layout.pieces) {
      const x = PAD + piece.x;
      const y = top + piece.row * ROW;
      if (piece.kind === 'text') {
        const text = new Text({ text: piece.text, style: style() });
        text.position.set(x, y);
        this.addChild(text);
        this.parts.push({
          describe: () => ({ part: 'text', text: piece.text, x, row: piece.row }),
        });
        continue;
      }
      const emote = new Picture(piece.imageUrl, EMOTE, 'square', emoteFallback(theme, EMOTE));
      emote.onShown = shown;
      emote.position.set(x + (EMOTE_SPACE - EMOTE) / 2, y + 1);
      this.addChild(emote);
      this.parts.push({
        describe: () => ({ part: 'emote', id: piece.id, loaded: emote.loaded, x, row: piece.row }),
      });
    }
    return Math.max(1, layout.rows) * ROW;
  }

  override destroy(): void {
    super.destroy(RELEASE_ALL);
  }
}
