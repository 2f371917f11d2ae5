/**
 * Demo mode must show what a live stream would: every sample update and initial state parses
 * through the protocol's channel schemas, as the stage reads server payloads (so a contract
 * change that breaks a demo fails here, not in a streamer's OBS).
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/protocol/channels';
import { parseChannelState, parseChannelUpdate } from '../../shared/protocol/wire/read-wire';
import type { DemoScript } from '../stage/demo-player';
import { actionsDemo } from './actions/actions-demo';
import { alertsDemo } from './alerts/alerts-demo';
import { battleDemo } from './battle/battle-demo';
import { chatDemo } from './chat/chat-demo';
import { goalDemo } from './goal/goal-demo';
import { leaderboardDemo } from './leaderboard/leaderboard-demo';
import { pollDemo } from './poll/poll-demo';
import { qnaDemo } from './qna/qna-demo';
import { sponsorDemo } from './sponsor/sponsor-demo';

const DEMOS: Record<string, () => DemoScript> = {
  alerts: alertsDemo,
  chat: chatDemo,
  poll: pollDemo,
  qna: qnaDemo,
  sponsor: sponsorDemo,
  goal: goalDemo,
  leaderboard: leaderboardDemo,
  battle: battleDemo,
  actions: actionsDemo,
};

describe('demo scripts', () => {
  for (const [name, demo] of Object.entries(DEMOS)) {
    it(`${name}: every sample payload reads as the server's would`, () => {
      const script = demo();
      expect(script.steps.length).toBeGreaterThan(0);
      const initial = CHANNELS.filter((channel) => channel in script.initial);
      expect(initial.length).toBe(Object.keys(script.initial).length);
      for (const channel of initial) {
        expect(parseChannelState(channel, script.initial[channel]), channel).toMatchObject({
          ok: true,
        });
      }
      for (const step of script.steps) {
        expect(step.afterMs).toBeGreaterThanOrEqual(0);
        for (const update of step.updates) {
          expect(parseChannelUpdate(update), update.type).toMatchObject({ ok: true });
        }
      }
    });
  }

  it('alerts: the sample streak rises ×1 → ×15 on one alert, then settles', () => {
    const counts = alertsDemo()
      .steps.flatMap((step) => step.updates)
      .map((update) => parseChannelUpdate(update))
      .flatMap((read) => (read.ok && read.value.type === 'alert.upsert' ? [read.value.data] : []))
      .filter((alert) => alert.id === 'demo-streak');
    expect(counts.map((alert) => alert.count)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => i + 1),
      15,
    ]);
    expect(counts.at(-1)?.settled).toBe(true);
  });
});
