/** A panel view rendered into the page over in-memory models, for the panel's view tests. */
import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { PanelProvider } from '../../extension/ui/context';
import { setup } from './panel-models';

export function mountPanel(view: ComponentChildren) {
  const { transport, models } = setup();
  const root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(<PanelProvider models={models}>{view}</PanelProvider>, root);
  });
  return { transport, models, root };
}
