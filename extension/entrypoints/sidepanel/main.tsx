import { startPanel } from '../../features/start-panel';
import '../../ui/panel.css';

void startPanel(document.getElementById('app') as HTMLElement);
