/** The goal bar: label, amounts, a bar that eases to its new fill, and the time left. */
import { Container, Graphics, type Text } from 'pixi.js';
import type { StateUpdate } from '../../../shared/protocol/channel-data';
import { makeLabel, setLabelText } from '../../stage/label';
import { approach, FrameClock } from '../../stage/motion';
import { drawPanel } from '../../stage/panel';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { goalDemo } from './goal-demo';
import { goalModel, pickGoal } from './goal-model';

const BOX = { width: 900, height: 132 };
const PAD = 26;
const BAR = { x: PAD, y: 70, width: BOX.width - PAD * 2, height: 34 };

class GoalScreen implements OverlayScreen {
  readonly view = new Container({ label: 'goal' });
  private readonly bar = new Graphics();
  private readonly title: Text;
  private readonly amount: Text;
  private readonly status: Text;
  private shown = 0;
  private target = 0;
  private reached = false;
  private goalId: string | null = null;
  /** The bar as last drawn (fill and colour), so a resting bar is not redrawn every frame. */
  private drawnBar = '';
  private readonly clock = new FrameClock();

  constructor(private readonly context: ScreenContext) {
    const { theme } = context;
    const panel = drawPanel(new Graphics(), theme, BOX.width, BOX.height);
    const track = new Graphics()
      .roundRect(BAR.x, BAR.y, BAR.width, BAR.height, 17)
      .fill(theme.track);
    this.title = makeLabel(theme, { text: '', size: 30, weight: '800', maxWidth: 480 });
    this.title.position.set(PAD, 20);
    this.amount = makeLabel(theme, {
      text: '',
      size: 26,
      weight: '700',
      color: theme.muted,
      anchor: { x: 1, y: 0 },
    });
    this.amount.position.set(BOX.width - PAD, 22);
    this.status = makeLabel(theme, {
      text: '',
      size: 20,
      weight: '800',
      color: 0xffffff,
      anchor: { x: 0.5, y: 0.5 },
    });
    this.status.position.set(BAR.x + BAR.width / 2, BAR.y + BAR.height / 2);
    this.view.addChild(panel, track, this.bar, this.title, this.amount, this.status);
    this.view.visible = false;
  }

  applyState(update: StateUpdate): void {
    const parsed = update.channel === 'goals' ? update.data : null;
    if (!parsed) return;
    const goal = pickGoal(parsed.goals, this.context.params.goal);
    this.view.visible = goal !== null;
    if (!goal) return;
    if (goal.id !== this.goalId) this.shown = 0;
    this.goalId = goal.id;
    const model = goalModel(goal);
    setLabelText(this.title, goal.label, 480);
    setLabelText(this.amount, model.amount);
    setLabelText(this.status, model.status, BAR.width - 20);
    this.target = model.fill;
    this.reached = model.reached;
  }

  applyUpdate(): void {}

  update(now: number): void {
    if (!this.view.visible) return;
    const { theme } = this.context;
    this.shown = approach(this.shown, this.target, this.clock.delta(now), 150);
    const width = Math.max(BAR.height, BAR.width * this.shown);
    const color = this.reached ? theme.positive : theme.accent;
    const drawn = `${width}:${color}`;
    if (drawn !== this.drawnBar) {
      this.drawnBar = drawn;
      this.bar.clear().roundRect(BAR.x, BAR.y, width, BAR.height, 17).fill(color);
    }
    this.bar.alpha = this.reached ? 0.75 + 0.25 * Math.sin(now / 200) : 1;
  }

  /**
   * Still once the bar rests at its fill. A reached goal pulses by design (its bar's alpha), so
   * it keeps the stage drawing while it is shown; a hidden goal bar is still.
   */
  isStill(): boolean {
    if (!this.view.visible) return true;
    return this.shown === this.target && !this.reached;
  }

  debugState(): Record<string, unknown> {
    const animating = this.shown !== this.target;
    return { goalId: this.goalId, fill: this.target, reached: this.reached, animating };
  }

  destroy(): void {
    release(this.view);
  }
}

export const goalScreen: ScreenDefinition = {
  id: 'goal',
  channels: ['goals'],
  size: BOX,
  defaultAnchor: 'top',
  create: (context) => new GoalScreen(context),
  demo: goalDemo,
};
