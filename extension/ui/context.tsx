/** The panel's models, handed to every view through one context. */
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelModels } from '../models/panel-models';

const PanelContext = createContext<PanelModels | null>(null);

export function PanelProvider(props: { models: PanelModels; children: ComponentChildren }) {
  return <PanelContext.Provider value={props.models}>{props.children}</PanelContext.Provider>;
}

export function usePanel(): PanelModels {
  const models = useContext(PanelContext);
  if (!models) throw new Error('usePanel() outside <PanelProvider>');
  return models;
}
