/**
 * The top gifters: five fixed rows whose texts change in place (no objects created per
 * update), with gold, silver and bronze marks for the first three, and each gifter's badges
 * as their chat lines show them, in a small row under the name so long names keep their room
 * (rebuilt only when a row's badges change).
 */
import { Container, Graphics, type Text } from 'pixi.js';
import type { StateUpdate } from '../../../shared/protocol/channel-data';
import { makeLabel, setLabelText } from '../../stage/label';
import { drawPanel } from '../../stage/panel';
import { RELEASE_ALL, release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { compactNumber } from '../../stage/text-fit';
import { displayName } from '../../stage/viewer-name';
import { badgeView } from '../chat/badge-view';
import { type BadgeSpec, badgesOf } from '../chat/chat-badges';
import { leaderboardDemo } from './leaderboard-demo';

const ROWS = 5;
const WIDTH = 480;
const ROW_HEIGHT = 70;
const TOP = 78;
const MEDALS = [0xffd700, 0xc0c7d1, 0xcd7f32];

interface Row {
  root: Container;
  name: Text;
  coins: Text;
  badges: Container;
  /** What the badges were drawn for (kinds, values, pictures). */
  badgesKey: string;
  /** The badges drawn, for the test hook: `moderator`, `topGifter:2`, `gifterLevel:30`. */
  drawn: string[];
}

const NAME_X = 84;
const NAME_WIDTH = 250;
const BADGE = 20;
const BADGE_GAP = 4;
/** With badges, the name moves up and the badges sit under it. */
const NAME_Y_WITH_BADGES = ROW_HEIGHT / 2 - 12;
const BADGES_Y = ROW_HEIGHT / 2 + 4;

class LeaderboardScreen implements OverlayScreen {
  readonly view = new Container({ label: 'leaderboard' });
  private readonly rows: Row[] = [];
  private readonly empty: Text;
  private ids: string[] = [];

  constructor(private readonly context: ScreenContext) {
    const { theme } = context;
    const height = TOP + ROWS * ROW_HEIGHT + 16;
    this.view.addChild(drawPanel(new Graphics(), theme, WIDTH, height));
    const title = makeLabel(theme, {
      text: 'Top gifters',
      size: 30,
      weight: '900',
      color: theme.accent,
    });
    title.position.set(26, 22);
    this.empty = makeLabel(theme, {
      text: 'Send a gift to get on the board!',
      size: 22,
      color: theme.muted,
    });
    this.empty.position.set(26, TOP + 10);
    this.view.addChild(title, this.empty);
    for (let index = 0; index < ROWS; index += 1) {
      const root = new Container();
      root.position.set(0, TOP + index * ROW_HEIGHT);
      const color = MEDALS[index] ?? theme.track;
      const disc = new Graphics().circle(48, ROW_HEIGHT / 2, 20).fill(color);
      const rank = makeLabel(theme, {
        text: String(index + 1),
        size: 22,
        weight: '900',
        color: index < 3 ? 0x16161d : theme.text,
        anchor: 0.5,
      });
      rank.position.set(48, ROW_HEIGHT / 2);
      const name = makeLabel(theme, {
        text: '',
        size: 26,
        weight: '700',
        anchor: { x: 0, y: 0.5 },
      });
      name.position.set(NAME_X, ROW_HEIGHT / 2);
      const badges = new Container({ label: 'badges' });
      badges.position.set(NAME_X, BADGES_Y);
      const coins = makeLabel(theme, {
        text: '',
        size: 24,
        weight: '800',
        color: theme.accent,
        anchor: { x: 1, y: 0.5 },
      });
      coins.position.set(WIDTH - 26, ROW_HEIGHT / 2);
      root.addChild(disc, rank, badges, name, coins);
      root.visible = false;
      this.view.addChild(root);
      this.rows.push({ root, name, coins, badges, badgesKey: '', drawn: [] });
    }
  }

  applyState(update: StateUpdate): void {
    const parsed = update.channel === 'leaderboard' ? update.data : null;
    if (!parsed) return;
    const top = parsed.top.slice(0, ROWS);
    this.ids = top.map((entry) => entry.id);
    this.rows.forEach((row, index) => {
      const entry = top[index];
      row.root.visible = entry !== undefined;
      if (!entry) return;
      const hasBadges = this.drawBadges(row, badgesOf(entry));
      row.name.y = hasBadges ? NAME_Y_WITH_BADGES : ROW_HEIGHT / 2;
      setLabelText(row.name, displayName(entry), NAME_WIDTH);
      setLabelText(row.coins, `${compactNumber(entry.coins)} 🪙`);
    });
    this.empty.visible = top.length === 0;
  }

  /** The row's badges, redrawn only when they changed; true when it has any. */
  private drawBadges(row: Row, specs: BadgeSpec[]): boolean {
    const key = JSON.stringify(specs);
    if (key !== row.badgesKey) {
      row.badgesKey = key;
      row.drawn = specs.map((spec) =>
        spec.value === null ? spec.kind : `${spec.kind}:${spec.value}`,
      );
      for (const child of row.badges.removeChildren()) child.destroy(RELEASE_ALL);
      let x = 0;
      for (const spec of specs) {
        const { parts, width } = badgeView(this.context.theme, spec, BADGE, () =>
          this.context.requestDraw(),
        );
        for (const part of parts) {
          part.x += x;
          row.badges.addChild(part);
        }
        x += width + BADGE_GAP;
      }
    }
    return specs.length > 0;
  }

  applyUpdate(): void {}

  update(): void {}

  /** Rows change only with a new state (which makes the stage draw); nothing here moves. */
  isStill(): boolean {
    return true;
  }

  debugState(): Record<string, unknown> {
    const badges = this.rows.filter((row) => row.root.visible).map((row) => row.drawn);
    return { ids: this.ids, badges };
  }

  destroy(): void {
    release(this.view);
  }
}

export const leaderboardScreen: ScreenDefinition = {
  id: 'leaderboard',
  channels: ['leaderboard'],
  size: { width: WIDTH, height: TOP + ROWS * ROW_HEIGHT + 16 },
  defaultAnchor: 'right',
  create: (context) => new LeaderboardScreen(context),
  demo: leaderboardDemo,
};
