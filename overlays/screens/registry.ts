/** Every screen by its static id: what the scene page (and tests) look screens up in. */
import type { ScreenDefinition, ScreenId } from '../stage/screen';
import { actionsScreen } from './actions/actions-screen';
import { alertsScreen } from './alerts/alerts-screen';
import { battleScreen } from './battle/battle-screen';
import { chatScreen } from './chat/chat-screen';
import { goalScreen } from './goal/goal-screen';
import { leaderboardScreen } from './leaderboard/leaderboard-screen';
import { pollScreen } from './poll/poll-screen';
import { qnaScreen } from './qna/qna-screen';
import { sponsorScreen } from './sponsor/sponsor-screen';

export const SCREENS: Record<ScreenId, ScreenDefinition> = {
  alerts: alertsScreen,
  chat: chatScreen,
  poll: pollScreen,
  qna: qnaScreen,
  sponsor: sponsorScreen,
  goal: goalScreen,
  leaderboard: leaderboardScreen,
  battle: battleScreen,
  actions: actionsScreen,
};
