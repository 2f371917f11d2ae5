/**
 * Demo mode must show what a live stream would: every sample update and initial state passes
 * the same wire readers the screens use for server payloads (so a contract change that breaks
 * a demo fails here, not in a streamer's OBS).
 */
import { describe, expect, it } from 'vitest';
import type { DemoScript } from '../stage/demo-player';
import { actionsDemo } from './actions/actions-demo';
import { readEnd, readOverlayRun, readRunning } from './actions/actions-wire';
import { readAlertsState, readAlertView } from './alerts/alert-wire';
import { alertsDemo } from './alerts/alerts-demo';
import { battleDemo } from './battle/battle-demo';
import { readBattleState } from './battle/battle-wire';
import { chatDemo } from './chat/chat-demo';
import { readChatLine, readChatState, readRemovedIds } from './chat/chat-wire';
import { goalDemo } from './goal/goal-demo';
import { readGoalsState } from './goal/goal-wire';
import { leaderboardDemo } from './leaderboard/leaderboard-demo';
import { readLeaderboardState } from './leaderboard/leaderboard-wire';
import { pollDemo } from './poll/poll-demo';
import { readPollState } from './poll/poll-wire';
import { qnaDemo } from './qna/qna-demo';
import { readQnaState } from './qna/qna-wire';
import { sponsorDemo } from './sponsor/sponsor-demo';
import { readSponsorState } from './sponsor/sponsor-wire';

const READERS: Record<string, (data: unknown) => unknown> = {
  'alerts.state': readAlertsState,
  'alert.upsert': readAlertView,
  'chat.line': readChatLine,
  'chat.state': readChatState,
  'chat.remove': (data) => (readRemovedIds(data).length > 0 ? data : null),
  'poll.state': readPollState,
  'qna.state': readQnaState,
  'sponsor.state': readSponsorState,
  'goals.state': readGoalsState,
  'leaderboard.state': readLeaderboardState,
  'battle.state': readBattleState,
  'actions.state': readRunning,
  'action.start': readOverlayRun,
  'action.end': readEnd,
};

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
      for (const [channel, state] of Object.entries(script.initial)) {
        expect(READERS[`${channel}.state`]?.(state), `${channel} initial`).not.toBeNull();
      }
      for (const step of script.steps) {
        expect(step.afterMs).toBeGreaterThanOrEqual(0);
        for (const update of step.updates) {
          const read = READERS[update.type];
          expect(read, `a reader for ${update.type}`).toBeDefined();
          expect(read?.(update.data), update.type).not.toBeNull();
        }
      }
    });
  }

  it('alerts: the sample streak rises ×1 → ×15 on one alert, then settles', () => {
    const counts = alertsDemo()
      .steps.flatMap((step) => step.updates)
      .map((update) => readAlertView(update.data))
      .filter((alert) => alert?.id === 'demo-streak');
    expect(counts.map((alert) => alert?.count)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => i + 1),
      15,
    ]);
    expect(counts.at(-1)?.settled).toBe(true);
  });
});
