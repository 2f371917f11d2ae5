/** `?demo` for alerts: a live Rose streak, one alert of each tier, a follow and a gift storm. */
import type { AlertView } from '../../../shared/protocol/channel-data';
import type { ChannelUpdate } from '../../../shared/protocol/channels';
import { sampleAlert } from '../../demo/sample-alert';
import { SAMPLE_GIFTS, viewer } from '../../demo/sample-viewers';
import type { DemoScript, DemoStep } from '../../stage/demo-player';

const upsert = (alert: AlertView): ChannelUpdate => ({
  channel: 'alerts',
  type: 'alert.upsert',
  data: alert,
});

const storm = (on: boolean): ChannelUpdate => ({
  channel: 'alerts',
  type: 'alerts.state',
  data: { paused: false, storm: on, queue: [] },
});

function giftAlert(id: string, who: number, giftIndex: number, count = 1): AlertView {
  const gift = SAMPLE_GIFTS[giftIndex]!;
  return sampleAlert({
    id,
    user: viewer(who),
    gift: { name: gift.name, imageUrl: null, coinsPerUnit: gift.coins },
    count,
    coins: gift.coins * count,
  });
}

export function alertsDemo(): DemoScript {
  const steps: DemoStep[] = [];
  // A Rose streak rising live, then settling.
  for (let count = 1; count <= 15; count += 1) {
    const alert = { ...giftAlert('demo-streak', 0, 0, count), settled: false };
    steps.push({ afterMs: count === 1 ? 500 : 180, updates: [upsert(alert)] });
  }
  steps.push({ afterMs: 300, updates: [upsert(giftAlert('demo-streak', 0, 0, 15))] });
  for (let tier = 1; tier < SAMPLE_GIFTS.length; tier += 1) {
    steps.push({ afterMs: 600, updates: [upsert(giftAlert(`demo-tier-${tier}`, tier, tier))] });
  }
  steps.push({
    afterMs: 600,
    updates: [
      upsert(sampleAlert({ id: 'demo-follow', kind: 'follow', user: viewer(4), gift: null })),
    ],
  });
  steps.push({
    afterMs: 600,
    updates: [
      storm(true),
      upsert({
        ...giftAlert('demo-storm', 5, 0, 37),
        merged: { alerts: 37, viewers: 12 },
      }),
    ],
  });
  steps.push({ afterMs: 9000, updates: [storm(false)] });
  steps.push({ afterMs: 6000, updates: [] });
  return { initial: { alerts: { paused: false, storm: false, queue: [] } }, steps };
}
