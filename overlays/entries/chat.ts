import { chatScreen } from '../screens/chat/chat-screen';
import { bootSingle } from '../stage/boot';

bootSingle(chatScreen);
