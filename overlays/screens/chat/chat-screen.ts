/**
 * The chat overlay: the newest lines stacked upwards from the bottom of its box. At most
 * `?lines=` (default 8) exist at once; evicted and moderated lines are destroyed.
 */
import { Container } from 'pixi.js';
import type { StateUpdate } from '../../../shared/protocol/channel-data';
import type { IncrementUpdate } from '../../../shared/protocol/wire/read-wire';
import { approach, FrameClock } from '../../stage/motion';
import { release } from '../../stage/release';
import type { OverlayScreen, ScreenContext, ScreenDefinition } from '../../stage/screen';
import { chatDemo } from './chat-demo';
import { ChatLineView } from './chat-line-view';
import { type ChatChange, ChatLog } from './chat-log';

const BOX = { width: 560, height: 640 };
const GAP = 10;

class ChatScreen implements OverlayScreen {
  readonly view = new Container({ label: 'chat' });
  private readonly log: ChatLog;
  private readonly views = new Map<string, ChatLineView>();
  private readonly width: number;
  private readonly clock = new FrameClock();

  constructor(private readonly context: ScreenContext) {
    this.log = new ChatLog(context.params.lines);
    this.width = context.params.width ?? BOX.width;
  }

  applyState(update: StateUpdate): void {
    if (update.channel === 'chat') this.apply(this.log.replace(update.data.lines));
  }

  applyUpdate(update: IncrementUpdate): void {
    if (update.type === 'chat.line') this.apply(this.log.add(update.data));
    else if (update.type === 'chat.remove') this.apply(this.log.remove(update.data.ids));
  }

  private apply(change: ChatChange): void {
    for (const id of change.removed) {
      this.views.get(id)?.destroy();
      this.views.delete(id);
    }
    for (const line of change.added) {
      // A badge or emote picture that arrives after the line came to rest is drawn then.
      const view = new ChatLineView(this.context.theme, line, this.width, () =>
        this.context.requestDraw(),
      );
      view.alpha = 0;
      this.views.set(line.id, view);
      this.view.addChild(view);
    }
    // Stack from the bottom, newest lowest; new lines start where they belong.
    let bottom = BOX.height;
    for (const line of [...this.log.current].reverse()) {
      const view = this.views.get(line.id);
      if (!view) continue;
      bottom -= view.lineHeight;
      view.targetY = bottom;
      if (view.age === 0) view.y = bottom + 24;
      bottom -= GAP;
    }
  }

  update(now: number): void {
    const delta = this.clock.delta(now);
    for (const view of this.views.values()) {
      view.age += 1;
      view.y = approach(view.y, view.targetY, delta, 60);
      view.alpha = approach(view.alpha, 1, delta, 60);
      // Only whole lines: one cut at the box's top would spill over whatever sits above the chat.
      view.visible = view.targetY >= 0;
    }
  }

  /** Lines that finished sliding and fading in hold still until the next line or removal. */
  isStill(): boolean {
    return !this.animating();
  }

  private animating(): boolean {
    for (const view of this.views.values()) {
      if (view.alpha < 1 || view.y !== view.targetY) return true;
    }
    return false;
  }

  debugState(): Record<string, unknown> {
    const animating = this.animating();
    const drawn = this.log.current.map((line) => ({
      id: line.id,
      parts: this.views.get(line.id)?.describe() ?? [],
    }));
    return {
      lines: this.log.current.map((line) => line.id),
      views: this.views.size,
      animating,
      drawn,
    };
  }

  destroy(): void {
    release(this.view);
  }
}

export const chatScreen: ScreenDefinition = {
  id: 'chat',
  channels: ['chat'],
  size: BOX,
  sizeFor: (params) => ({ width: params.width ?? BOX.width, height: BOX.height }),
  defaultAnchor: 'bottom-left',
  create: (context) => new ChatScreen(context),
  demo: chatDemo,
};
