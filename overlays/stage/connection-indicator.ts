/**
 * A small status pill for `?preview` only (never in OBS): connection state plus any ignored URL
 * parameters, so a streamer setting up sees why an overlay stays empty.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import type { ConnectionStatus } from './connection';
import { makeLabel, setLabelText } from './label';
import type { Theme } from './theme';

const COLORS: Record<ConnectionStatus['state'], number> = {
  connecting: 0xffc53d,
  live: 0x34d399,
  offline: 0xf87171,
  refused: 0xf87171,
  demo: 0x60a5fa,
};

export class ConnectionIndicator extends Container {
  private readonly pill = new Graphics();
  private readonly dot = new Graphics();
  private readonly status: Text;
  private readonly notes: Text;

  constructor(theme: Theme, warnings: readonly string[]) {
    super();
    this.status = makeLabel(theme, { text: '', size: 15, color: 0xffffff });
    this.status.position.set(30, 8);
    this.notes = makeLabel(theme, { text: warnings.join('\n'), size: 13, color: 0xffd6a5 });
    this.notes.position.set(12, 36);
    this.addChild(this.pill, this.dot, this.status, this.notes);
    this.position.set(12, 12);
    this.show({ state: 'connecting' });
  }

  show(status: ConnectionStatus): void {
    const detail = 'reason' in status ? ` — ${status.reason}` : '';
    setLabelText(this.status, `${status.state}${detail}`, 560);
    this.dot.clear().circle(16, 19, 6).fill(COLORS[status.state]);
    this.pill
      .clear()
      .roundRect(0, 0, this.status.width + 44, 38, 19)
      .fill({ color: 0x000000, alpha: 0.6 });
    this.notes.visible = this.notes.text !== '';
  }
}
