/**
 * Which chat lines are on screen: the newest `cap`, oldest first. Pure bookkeeping so the
 * screen knows exactly which line views to create and which to destroy (nothing lingers).
 */
import type { ChatLine } from '../../../shared/protocol/channel-data';

export interface ChatChange {
  added: ChatLine[];
  /** Ids whose views must be destroyed (evicted by the cap, or removed by moderation). */
  removed: string[];
}

export class ChatLog {
  private lines: ChatLine[] = [];

  constructor(private readonly cap: number) {}

  get current(): readonly ChatLine[] {
    return this.lines;
  }

  add(line: ChatLine): ChatChange {
    if (this.lines.some((known) => known.id === line.id)) return { added: [], removed: [] };
    this.lines.push(line);
    return { added: [line], removed: this.trim() };
  }

  /** Moderation hid these lines. */
  remove(ids: readonly string[]): ChatChange {
    const hidden = new Set(ids);
    const removed = this.lines.filter((line) => hidden.has(line.id)).map((line) => line.id);
    this.lines = this.lines.filter((line) => !hidden.has(line.id));
    return { added: [], removed };
  }

  /** A snapshot replaces everything: lines no longer present go, new ones come. */
  replace(lines: readonly ChatLine[]): ChatChange {
    const keep = lines.slice(-this.cap);
    const next = new Set(keep.map((line) => line.id));
    const before = new Set(this.lines.map((line) => line.id));
    const removed = this.lines.filter((line) => !next.has(line.id)).map((line) => line.id);
    const added = keep.filter((line) => !before.has(line.id));
    this.lines = [...keep];
    return { added, removed };
  }

  private trim(): string[] {
    const overflow = this.lines.length - this.cap;
    if (overflow <= 0) return [];
    return this.lines.splice(0, overflow).map((line) => line.id);
  }
}
