import { render } from 'preact';

render(<main>Limelight</main>, document.getElementById('app') as HTMLElement);
