import { sponsorScreen } from '../screens/sponsor/sponsor-screen';
import { bootSingle } from '../stage/boot';

bootSingle(sponsorScreen);
