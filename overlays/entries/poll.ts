import { pollScreen } from '../screens/poll/poll-screen';
import { bootSingle } from '../stage/boot';

bootSingle(pollScreen);
