/** What an alert card says, as plain strings (drawn as Pixi Text by the card). Pure. */
import type { AlertView } from '../../../shared/protocol/channel-data';
import { compactNumber } from '../../stage/text-fit';

/** What the alert says after the name. */
export function actionLine(alert: AlertView): string {
  if (alert.merged) {
    const gifts = compactNumber(alert.merged.alerts);
    const viewers = compactNumber(alert.merged.viewers);
    return `${gifts} gifts from ${viewers} viewers`;
  }
  switch (alert.kind) {
    case 'gift':
      return `sent ${alert.gift?.name ?? 'a gift'}`;
    case 'follow':
      return 'followed';
    case 'share':
      return 'shared the LIVE';
    case 'subscribe':
      if (alert.plan === 'superFan') return 'became a Super Fan';
      return alert.months && alert.months > 1
        ? `subscribed · ${alert.months} months`
        : 'subscribed';
    default:
      return 'test alert';
  }
}

/** The streak counter's text: ×1 … ×99 (and beyond, compacted). */
export const countLabel = (count: number): string => `×${compactNumber(count)}`;
