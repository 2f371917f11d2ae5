/**
 * Every model of the panel, composed over one transport and one store. The UI receives this
 * through a context; tests build it over the in-memory transport and store.
 */
import type { PanelStore } from '../storage/panel-store';
import type { ReportFetcher } from '../transport/report-client';
import type { ControlTransport } from '../transport/transport';
import { ActionsModel } from './actions-model';
import { AlertsModel } from './alerts-model';
import { AnalyticsModel } from './analytics-model';
import { ConnectionModel } from './connection-model';
import { LiveModel } from './live-model';
import { ModerationModel } from './moderation-model';
import { PollModel } from './poll-model';
import { QnaModel } from './qna-model';
import { RoomModel } from './room-model';
import { SettingsModel } from './settings-model';
import { SoundsModel } from './sounds-model';
import { SponsorModel } from './sponsor-model';

export interface PanelDeps {
  transport: ControlTransport;
  store: PanelStore;
  fetchReport: ReportFetcher;
}

export function createPanelModels({ transport, store, fetchReport }: PanelDeps) {
  const room = new RoomModel(transport);
  const connection = new ConnectionModel(transport, store);
  const settings = new SettingsModel(transport, store);
  const analytics = new AnalyticsModel(transport, room, store, settings, fetchReport);
  const models = {
    transport,
    store,
    room,
    connection,
    settings,
    analytics,
    live: new LiveModel(transport, room, settings, analytics),
    polls: new PollModel(transport, room, store),
    qna: new QnaModel(transport, room, store),
    sponsors: new SponsorModel(transport, room, store, fetchReport),
    alerts: new AlertsModel(transport, room),
    moderation: new ModerationModel(transport, room),
    actions: new ActionsModel(transport, room, connection),
    sounds: new SoundsModel(room, connection),
  };
  /** Loads what the store holds, then reconnects with the saved pairing. */
  const start = async () => {
    await Promise.all([
      settings.load(),
      analytics.load(),
      models.polls.loadArchive(),
      models.qna.loadArchive(),
      models.sponsors.loadReports(),
    ]);
    await connection.restore();
  };
  const dispose = () => {
    for (const model of [
      models.sounds,
      models.actions,
      models.moderation,
      models.alerts,
      models.sponsors,
      models.qna,
      models.polls,
      models.live,
      analytics,
      settings,
      connection,
      room,
    ]) {
      model[Symbol.dispose]();
    }
    transport.disconnect();
  };
  return { ...models, start, dispose };
}
export type PanelModels = ReturnType<typeof createPanelModels>;
