import { actionsScreen } from '../screens/actions/actions-screen';
import { bootSingle } from '../stage/boot';

bootSingle(actionsScreen);
