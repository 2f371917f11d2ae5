import { qnaScreen } from '../screens/qna/qna-screen';
import { bootSingle } from '../stage/boot';

bootSingle(qnaScreen);
