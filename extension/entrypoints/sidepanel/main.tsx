import { startPanel } from '../../features/start-panel';
import './style.css';

void startPanel(document.getElementById('app') as HTMLElement);
