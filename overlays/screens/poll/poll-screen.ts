/**
 * The poll overlay: the question, one bar per option growing as votes arrive, the leader (or
 * every tied leader) in the accent colour, and the result when the poll closes. Rows are
 * rebuilt only when a different poll starts; vote updates just retarget the bars.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import type { PollView, StateUpdate } from '../../../shared/protocol/channel-data';
import { makeLabel, setLabelText } from '../../stage/label';
import { approach, FrameClock } from '../../stage/motion';
import { drawPanel } from '../../stage/panel';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { compactNumber, formatClock, truncateGraphemes } from '../../stage/text-fit';
import { pollDemo } from './poll-demo';
import { percent, pollModel, pollSecondsLeft } from './poll-model';

const WIDTH = 640;
const ROW = 78;
/** A question longer than this is cut (it would push the bars off the box). */
const QUESTION_GRAPHEMES = 90;
const PAD = 28;
const BAR_WIDTH = WIDTH - PAD * 2;

interface RowView {
  key: string;
  label: Text;
  value: Text;
  bar: Graphics;
  shown: number;
  target: number;
  leading: boolean;
  /** Redrawn in its current colour (the leader may change without the share changing). */
  drawn: boolean;
}

class PollScreen implements OverlayScreen {
  readonly view = new Container({ label: 'poll' });
  private readonly panel = new Graphics();
  private readonly question: Text;
  private readonly footer: Text;
  private readonly badge: Text;
  private rowsLayer = new Container();
  private rows: RowView[] = [];
  private pollId: string | null = null;
  private poll: PollView | null = null;
  private readonly clock = new FrameClock();
  private footerText = '';
  private footerWidth = BAR_WIDTH;
  /** The whole second last shown in the footer's countdown (redrawn once a second). */
  private shownSeconds: number | null = null;
  private footerDirty = true;

  constructor(private readonly context: ScreenContext) {
    const { theme } = context;
    // The question wraps (two rows for a normal question); rows start below it.
    this.question = makeLabel(theme, { text: '', size: 30, weight: '800' });
    this.question.style.wordWrap = true;
    this.question.style.breakWords = true;
    this.question.style.wordWrapWidth = BAR_WIDTH;
    this.question.position.set(PAD, 26);
    this.footer = makeLabel(theme, { text: '', size: 22, color: theme.muted });
    this.badge = makeLabel(theme, { text: 'TIE', size: 22, weight: '900', color: theme.accent });
    this.badge.anchor.set(1, 0);
    this.view.addChild(this.panel, this.question, this.rowsLayer, this.footer, this.badge);
    this.view.visible = false;
  }

  applyState(update: StateUpdate): void {
    const parsed = update.channel === 'poll' ? update.data : null;
    if (!parsed) return;
    const poll = parsed.current;
    this.poll = poll;
    this.view.visible = poll?.visible === true;
    if (!poll) return;
    if (poll.id !== this.pollId) {
      setLabelText(this.question, truncateGraphemes(poll.question, QUESTION_GRAPHEMES));
      this.rebuild(poll);
    }
    const model = pollModel(poll);
    const { theme } = this.context;
    model.rows.forEach((row, index) => {
      const view = this.rows[index];
      if (!view) return;
      setLabelText(view.label, `${row.key} · ${row.label}`, BAR_WIDTH - 170);
      setLabelText(view.value, `${compactNumber(row.votes)} · ${percent(row.share)}`);
      view.target = row.share;
      if (view.leading !== row.leading) view.drawn = false;
      view.leading = row.leading;
      view.label.style.fill = row.leading ? theme.accent : theme.text;
    });
    this.footerText = model.footer;
    this.footerWidth = BAR_WIDTH - (model.tie ? 80 : 0);
    this.footerDirty = true;
    this.refreshFooter();
    this.badge.visible = model.tie;
    setLabelText(this.badge, model.closed ? 'TIE!' : 'TIE');
  }

  applyUpdate(): void {}

  private rebuild(poll: PollView): void {
    const { theme } = this.context;
    release(this.rowsLayer);
    this.rowsLayer = new Container();
    this.view.addChildAt(this.rowsLayer, 2);
    this.pollId = poll.id;
    const top = Math.ceil(this.question.y + this.question.height + 18);
    this.rows = poll.options.map((option, index) => {
      const y = top + index * ROW;
      const track = new Graphics().roundRect(PAD, y + 36, BAR_WIDTH, 22, 11).fill(theme.track);
      const bar = new Graphics();
      bar.position.set(PAD, y + 36);
      const label = makeLabel(theme, { text: option.label, size: 26, weight: '700' });
      label.position.set(PAD, y);
      const value = makeLabel(theme, {
        text: '',
        size: 24,
        color: theme.muted,
        anchor: { x: 1, y: 0 },
      });
      value.position.set(WIDTH - PAD, y + 2);
      this.rowsLayer.addChild(track, bar, label, value);
      return {
        key: option.key,
        label,
        value,
        bar,
        shown: 0,
        target: 0,
        leading: false,
        drawn: false,
      };
    });
    const height = top + poll.options.length * ROW + 56;
    drawPanel(this.panel, theme, WIDTH, height);
    this.footer.position.set(PAD, height - 46);
    this.badge.position.set(WIDTH - PAD, height - 46);
  }

  /** The footer, with the time left for a timed poll. */
  private refreshFooter(): void {
    const left = this.poll ? pollSecondsLeft(this.poll, Date.now()) : null;
    const whole = left === null ? null : Math.ceil(left);
    if (whole === this.shownSeconds && !this.footerDirty) return;
    this.shownSeconds = whole;
    this.footerDirty = false;
    const text = whole === null ? this.footerText : `${this.footerText} · ${formatClock(whole)}`;
    setLabelText(this.footer, text, this.footerWidth);
    // Once a second while a countdown runs: one frame for the new text, not every frame.
    this.context.requestDraw();
  }

  update(now: number): void {
    if (this.view.visible) this.refreshFooter();
    const { theme } = this.context;
    const delta = this.clock.delta(now);
    for (const row of this.rows) {
      if (row.shown === row.target && row.drawn) continue;
      row.shown = approach(row.shown, row.target, delta, 90);
      row.drawn = true;
      const width = Math.max(22, BAR_WIDTH * row.shown);
      row.bar
        .clear()
        .roundRect(0, 0, width, 22, 11)
        .fill(row.leading ? theme.accent : theme.positive);
      row.bar.alpha = row.shown > 0.001 ? 1 : 0.25;
    }
  }

  /** Still once every bar rests at its share; the countdown's seconds ask for a frame each. */
  isStill(): boolean {
    return !this.animating();
  }

  private animating(): boolean {
    return this.rows.some((row) => row.shown !== row.target || !row.drawn);
  }

  debugState(): Record<string, unknown> {
    const poll = this.poll;
    return {
      pollId: this.pollId,
      visible: this.view.visible,
      status: poll?.status ?? null,
      votes: poll?.options.map((option) => option.votes) ?? [],
      tie: this.badge.visible,
      animating: this.animating(),
    };
  }

  destroy(): void {
    release(this.view);
  }
}

export const pollScreen: ScreenDefinition = {
  id: 'poll',
  channels: ['poll'],
  size: { width: WIDTH, height: 480 },
  defaultAnchor: 'top-right',
  create: (context) => new PollScreen(context),
  demo: pollDemo,
};
