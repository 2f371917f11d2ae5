/**
 * The Q&A card: the question on screen, who asked it, and how many viewers asked the same.
 * The card is rebuilt only when another question goes on screen; it fades in and out.
 */
import { Container, Graphics, Text } from 'pixi.js';
import type { QuestionView, StateUpdate } from '../../../shared/protocol/channel-data';
import { labelStyle, makeLabel } from '../../stage/label';
import { approach, FrameClock } from '../../stage/motion';
import { drawPanel } from '../../stage/panel';
import { avatarFallback, Picture } from '../../stage/picture';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { truncateGraphemes } from '../../stage/text-fit';
import { displayName } from '../../stage/viewer-name';
import { qnaDemo } from './qna-demo';

const BOX = { width: 900, height: 280 };
/** Three wrapped rows at most. */
const QUESTION_GRAPHEMES = 150;

class QnaScreen implements OverlayScreen {
  readonly view = new Container({ label: 'qna' });
  private card: Container | null = null;
  private questionId: string | null = null;
  private fade = 0;
  /** Where the card rests inside the box. */
  private restY = 0;
  private readonly clock = new FrameClock();

  constructor(private readonly context: ScreenContext) {}

  applyState(update: StateUpdate): void {
    const parsed = update.channel === 'qna' ? update.data : null;
    if (!parsed) return;
    const question = parsed.onScreen;
    if (question?.id === this.questionId) {
      if (question && this.card) this.card.label = `qna:${question.id}:${question.upvotes}`;
      return;
    }
    if (this.card) release(this.card);
    this.card = null;
    this.questionId = question?.id ?? null;
    if (question) {
      this.card = this.build(question);
      this.view.addChild(this.card);
      this.fade = 0;
    }
  }

  applyUpdate(): void {}

  private build(question: QuestionView): Container {
    const { theme } = this.context;
    const card = new Container({ label: `qna:${question.id}` });
    const panel = new Graphics();
    card.addChild(panel);
    const badge = makeLabel(theme, { text: 'Q&A', size: 24, weight: '900', color: theme.accent });
    badge.position.set(32, 24);
    const name = displayName(question.user);
    const avatar = new Picture(
      question.user.avatarUrl,
      56,
      'circle',
      avatarFallback(theme, name, 56, theme.accent),
    );
    avatar.position.set(32, 62);
    // The avatar may load after the card came to rest: draw it once then.
    avatar.onShown = () => this.context.requestDraw();
    const asker = makeLabel(theme, { text: name, size: 26, weight: '800', maxWidth: 520 });
    asker.position.set(102, 66);
    const askedToo = question.merged > 0 ? `+${question.merged} asked the same` : '';
    const extra = makeLabel(theme, {
      text: askedToo,
      size: 20,
      color: theme.muted,
      anchor: { x: 1, y: 0 },
    });
    extra.position.set(BOX.width - 32, 28);
    const text = new Text({
      text: truncateGraphemes(question.text, QUESTION_GRAPHEMES),
      style: labelStyle(theme, { text: '', size: 30, weight: '600' }),
    });
    text.style.wordWrap = true;
    text.style.breakWords = true;
    text.style.wordWrapWidth = BOX.width - 64;
    text.position.set(32, 130);
    // The card fits its question and sits on the box's bottom edge (a lower third).
    const height = Math.min(BOX.height, Math.ceil(130 + text.height + 28));
    drawPanel(panel, theme, BOX.width, height, 26, theme.accent);
    this.restY = BOX.height - height;
    card.addChild(badge, avatar, asker, extra, text);
    return card;
  }

  update(now: number): void {
    const delta = this.clock.delta(now);
    if (!this.card) return;
    this.fade = approach(this.fade, 1, delta, 80);
    this.card.alpha = this.fade;
    this.card.y = this.restY + 20 * (1 - this.fade);
  }

  /** Still once the card has faded in (or when there is none). */
  isStill(): boolean {
    return this.card === null || this.fade >= 1;
  }

  debugState(): Record<string, unknown> {
    return { onScreen: this.questionId, animating: this.card !== null && this.fade < 1 };
  }

  destroy(): void {
    release(this.view);
  }
}

export const qnaScreen: ScreenDefinition = {
  id: 'qna',
  channels: ['qna'],
  size: BOX,
  defaultAnchor: 'bottom',
  create: (context) => new QnaScreen(context),
  demo: qnaDemo,
};
