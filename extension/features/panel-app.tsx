/** The side panel: connection on top, one tab per job. Moderators see no money tabs. */
import { useSignal } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import { usePanel } from '../ui/context';
import { ActionsView } from './actions/actions-view';
import { AlertsView } from './alerts-view';
import { AnalyticsView } from './analytics-view';
import { LiveView } from './live-view';
import { ModerationView } from './moderation-view';
import { ConnectionBadge, PairingForm, RefusalNotice } from './pairing';
import { PollsView } from './polls-view';
import { QnaView } from './qna-view';
import { SettingsView } from './settings-view';
import { SponsorsView } from './sponsors-view';

interface Tab {
  id: string;
  label: string;
  view: FunctionComponent;
  ownerOnly?: boolean;
}

const TABS: Tab[] = [
  { id: 'live', label: 'Live', view: LiveView },
  { id: 'polls', label: 'Polls', view: PollsView },
  { id: 'qna', label: 'Q&A', view: QnaView },
  { id: 'sponsors', label: 'Sponsors', view: SponsorsView },
  { id: 'alerts', label: 'Alerts', view: AlertsView },
  { id: 'actions', label: 'Actions', view: ActionsView },
  { id: 'moderation', label: 'Moderation', view: ModerationView },
  { id: 'analytics', label: 'Analytics', view: AnalyticsView, ownerOnly: true },
  { id: 'settings', label: 'Settings', view: SettingsView },
];

export function PanelApp() {
  const { connection } = usePanel();
  const selected = useSignal('live');
  if (!connection.loaded.value) return <p>Loading…</p>;
  // Refused (revoked, expired, wrong link): the views would show a room the panel no longer
  // sees; the panel offers to pair again instead.
  if (connection.state.value.status === 'refused') {
    return (
      <main>
        <h1>Limelight</h1>
        <ConnectionBadge />
        <RefusalNotice />
      </main>
    );
  }
  if (!connection.pairing.value) {
    return (
      <main>
        <h1>Limelight</h1>
        <ConnectionBadge />
        <PairingForm />
      </main>
    );
  }
  const tabs = TABS.filter((tab) => !tab.ownerOnly || connection.isOwner.value);
  const active = tabs.find((tab) => tab.id === selected.value) ?? tabs[0];
  const View = active?.view ?? LiveView;
  return (
    <main>
      <ConnectionBadge />
      <div class="tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            key={tab.id}
            aria-selected={tab.id === active?.id}
            data-testid={`tab-${tab.id}`}
            onClick={() => {
              selected.value = tab.id;
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <View />
    </main>
  );
}
