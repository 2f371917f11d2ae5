import { leaderboardScreen } from '../screens/leaderboard/leaderboard-screen';
import { bootSingle } from '../stage/boot';

bootSingle(leaderboardScreen);
