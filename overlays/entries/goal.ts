import { goalScreen } from '../screens/goal/goal-screen';
import { bootSingle } from '../stage/boot';

bootSingle(goalScreen);
