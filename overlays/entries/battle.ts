import { battleScreen } from '../screens/battle/battle-screen';
import { bootSingle } from '../stage/boot';

bootSingle(battleScreen);
