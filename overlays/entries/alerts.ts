import { alertsScreen } from '../screens/alerts/alerts-screen';
import { bootSingle } from '../stage/boot';

bootSingle(alertsScreen);
