/**
 * Valid events for integration tests, built on the engines' scripted test events. Each script
 * here stamps its own id prefix, so two scripts in one stream never collide in the deduper.
 */

import type { LiveEvent } from '../../../shared/events/live-event';
import { script as engineScript, viewer } from '../../support/engine-events';

export { viewer };

let scripts = 0;

export type Script = ReturnType<typeof engineScript>;

/** The engines' script with ids unique across scripts (`s3-m12`). */
export function script(t0?: number): Script {
  const inner = engineScript(t0);
  const prefix = `s${++scripts}-`;
  const wrapped = { ...inner } as Record<string, unknown>;
  for (const [key, value] of Object.entries(inner)) {
    if (typeof value !== 'function' || key === 'wait' || key === 'at') continue;
    wrapped[key] = (...args: unknown[]) => {
      const event = (value as (...a: unknown[]) => LiveEvent)(...args);
      return { ...event, id: prefix + event.id };
    };
  }
  Object.defineProperty(wrapped, 'now', { get: () => inner.now });
  return wrapped as unknown as Script;
}

/** A gift that commits at once (type 2 does not streak). */
export function instantGift(s: Script, handle: string, coins: number): LiveEvent {
  return s.gift(viewer(handle), { name: 'Lion', coins, type: 2, count: 1, end: true, id: 6369 });
}
