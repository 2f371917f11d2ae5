/**
 * The battle overlay: a link-mic battle's sides and live points, the streamer's side first.
 * Two sides share one split bar that slides as points arrive; three or more get a row and a bar
 * each. The time left counts down once a second; at the end the result shows until the server
 * clears the battle. Views are rebuilt only when a different battle (or side count) arrives.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import type { BattleView, StateUpdate } from '../../../shared/protocol/channel-data';
import { makeLabel, setLabelText } from '../../stage/label';
import { approach, FrameClock } from '../../stage/motion';
import { drawPanel } from '../../stage/panel';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { battleDemo } from './battle-demo';
import { type BattleModel, battleModel, MAX_ROWS } from './battle-model';

const WIDTH = 960;
const PAD = 28;
const BAR_WIDTH = WIDTH - PAD * 2;
const HEADER = 70;
const VERSUS_HEIGHT = 176;
const ROW = 60;
const ROWS_HEIGHT = (rows: number, more: boolean) => HEADER + rows * ROW + (more ? 44 : 16);

interface SideView {
  name: Text;
  score: Text;
  bar: Graphics | null;
  shown: number;
  target: number;
  drawn: string;
}

class BattleScreen implements OverlayScreen {
  readonly view = new Container({ label: 'battle' });
  private readonly panel = new Graphics();
  private readonly title: Text;
  private readonly status: Text;
  private readonly more: Text;
  private layer = new Container();
  private sides: SideView[] = [];
  /** Versus layout: the streamer's part of the split bar, eased toward its share. */
  private split: { bar: Graphics; shown: number; target: number; drawn: string } | null = null;
  private battle: BattleView | null = null;
  private model: BattleModel | null = null;
  /** What the views were built for: a new battle, layout or side count rebuilds them. */
  private builtFor = '';
  private statusText = '';
  private readonly clock = new FrameClock();

  constructor(private readonly context: ScreenContext) {
    const { theme } = context;
    this.title = makeLabel(theme, { text: 'BATTLE', size: 26, weight: '900', color: theme.accent });
    this.title.position.set(PAD, 22);
    this.status = makeLabel(theme, { text: '', size: 24, weight: '800', anchor: { x: 1, y: 0 } });
    this.status.position.set(WIDTH - PAD, 24);
    this.more = makeLabel(theme, { text: '', size: 20, color: theme.muted });
    this.view.addChild(this.panel, this.title, this.status, this.layer, this.more);
    this.view.visible = false;
  }

  applyState(update: StateUpdate): void {
    const parsed = update.channel === 'battle' ? update.data : null;
    if (!parsed) return;
    const battle = parsed.current;
    this.battle = battle;
    this.view.visible = battle !== null;
    if (!battle) return;
    const model = battleModel(battle, Date.now());
    this.model = model;
    const key = `${battle.id}:${model.layout}:${model.rows.length}:${model.hidden}`;
    if (key !== this.builtFor) this.rebuild(model, key);
    const { theme } = this.context;
    model.rows.forEach((row, index) => {
      const side = this.sides[index];
      if (!side) return;
      const nameWidth = model.layout === 'versus' ? BAR_WIDTH / 2 - 20 : BAR_WIDTH - 180;
      setLabelText(side.name, row.name, nameWidth);
      setLabelText(side.score, row.score);
      side.name.style.fill = row.winner || row.leading ? theme.accent : theme.text;
      side.target = row.share;
    });
    if (this.split) this.split.target = model.split;
    this.refreshStatus();
  }

  applyUpdate(): void {}

  private rebuild(model: BattleModel, key: string): void {
    const { theme } = this.context;
    release(this.layer);
    this.layer = new Container();
    this.view.addChildAt(this.layer, 3);
    this.builtFor = key;
    this.split = null;
    if (model.layout === 'versus') {
      this.sides = this.buildVersus();
      drawPanel(this.panel, theme, WIDTH, VERSUS_HEIGHT);
    } else {
      this.sides = model.rows.map((_, index) => this.buildRow(index));
      drawPanel(this.panel, theme, WIDTH, ROWS_HEIGHT(model.rows.length, model.hidden > 0));
    }
    this.more.visible = model.hidden > 0;
    this.more.position.set(PAD, HEADER + model.rows.length * ROW + 8);
    setLabelText(this.more, `+${model.hidden} more sides`);
  }

  /** Two sides: names above one bar split between them, each side's points at its end. */
  private buildVersus(): SideView[] {
    const { theme } = this.context;
    const y = 104;
    const track = new Graphics().roundRect(PAD, y, BAR_WIDTH, 48, 24).fill(theme.positive);
    const bar = new Graphics();
    bar.position.set(PAD, y);
    this.split = { bar, shown: 0.5, target: 0.5, drawn: '' };
    const left = this.sideLabels(PAD, 64, 0);
    const right = this.sideLabels(WIDTH - PAD, 64, 1);
    left.score.position.set(PAD + 20, y + 24);
    right.score.position.set(WIDTH - PAD - 20, y + 24);
    this.layer.addChild(track, bar, left.name, right.name, left.score, right.score);
    return [left, right];
  }

  /** Three or more sides: a row each, its bar a share of the top side's points. */
  private buildRow(index: number): SideView {
    const { theme } = this.context;
    const y = HEADER + index * ROW;
    const side = this.sideLabels(PAD, y, 0);
    side.score.style.fill = theme.text;
    side.score.anchor.set(1, 0);
    side.score.position.set(WIDTH - PAD, y);
    const track = new Graphics().roundRect(PAD, y + 34, BAR_WIDTH, 14, 7).fill(theme.track);
    const bar = new Graphics();
    bar.position.set(PAD, y + 34);
    side.bar = bar;
    this.layer.addChild(track, bar, side.name, side.score);
    return side;
  }

  private sideLabels(x: number, y: number, anchorX: 0 | 1): SideView {
    const { theme } = this.context;
    const name = makeLabel(theme, {
      text: '',
      size: 26,
      weight: '800',
      anchor: { x: anchorX, y: 0 },
    });
    name.position.set(x, y);
    const score = makeLabel(theme, {
      text: '',
      size: 26,
      weight: '900',
      color: 0xffffff,
      anchor: { x: anchorX, y: 0.5 },
      shadow: true,
    });
    return { name, score, bar: null, shown: 0, target: 0, drawn: '' };
  }

  /** The status line; a running countdown changes it once a second (one frame each). */
  private refreshStatus(): void {
    if (!this.battle || !this.model) return;
    const text = battleModel(this.battle, Date.now()).status;
    if (text === this.statusText) return;
    this.statusText = text;
    const { theme } = this.context;
    setLabelText(this.status, text, WIDTH / 2);
    this.status.style.fill = this.model.ended ? theme.accent : theme.muted;
    this.context.requestDraw();
  }

  update(now: number): void {
    if (!this.view.visible) return;
    this.refreshStatus();
    const { theme } = this.context;
    const delta = this.clock.delta(now);
    const split = this.split;
    if (split) {
      split.shown = approach(split.shown, split.target, delta, 120);
      const width = Math.max(48, Math.min(BAR_WIDTH - 48, BAR_WIDTH * split.shown));
      const drawn = `${width}`;
      if (drawn !== split.drawn) {
        split.drawn = drawn;
        split.bar.clear().roundRect(0, 0, width, 48, 24).fill(theme.accent);
      }
    }
    this.sides.forEach((side, index) => {
      if (!side.bar) return;
      side.shown = approach(side.shown, side.target, delta, 120);
      const streamer = this.model?.rows[index]?.streamer === true;
      const drawn = `${side.shown}:${streamer}`;
      if (drawn === side.drawn) return;
      side.drawn = drawn;
      const width = Math.max(14, BAR_WIDTH * side.shown);
      side.bar
        .clear()
        .roundRect(0, 0, width, 14, 7)
        .fill(streamer ? theme.accent : theme.positive);
      side.bar.alpha = side.shown > 0.001 ? 1 : 0.3;
    });
  }

  /** Still once the bars rest; the countdown asks for its one frame a second itself. */
  isStill(): boolean {
    return !this.view.visible || !this.animating();
  }

  private animating(): boolean {
    if (this.split && this.split.shown !== this.split.target) return true;
    return this.sides.some((side) => side.bar !== null && side.shown !== side.target);
  }

  debugState(): Record<string, unknown> {
    const battle = this.battle;
    const rows = this.model?.rows ?? [];
    return {
      battleId: battle?.id ?? null,
      visible: this.view.visible,
      status: battle?.status ?? null,
      layout: this.model?.layout ?? null,
      sides: rows.map((row) => ({ hostId: row.hostId, name: row.name, score: row.points })),
      scores: rows.map((row) => row.points),
      winnerHostId: battle?.winnerHostId ?? null,
      draw: battle?.draw ?? false,
      statusText: this.statusText,
      animating: this.animating(),
    };
  }

  destroy(): void {
    release(this.view);
  }
}

export const battleScreen: ScreenDefinition = {
  id: 'battle',
  channels: ['battle'],
  size: { width: WIDTH, height: ROWS_HEIGHT(MAX_ROWS, true) },
  defaultAnchor: 'top',
  create: (context) => new BattleScreen(context),
  demo: battleDemo,
};
