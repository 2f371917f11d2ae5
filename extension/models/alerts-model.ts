/** Alerts: pause and resume the queue, skip what plays, replay one, send a test alert. */
import { action, computed, createModel } from '@preact/signals';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { RoomModel } from './room-model';

export const AlertsModel = createModel((transport: ControlTransport, room: RoomModel) => {
  const commands = createCommandRunner(transport);
  const paused = computed(() => room.alerts.value?.paused ?? false);
  const storm = computed(() => room.alerts.value?.storm ?? false);
  const queue = computed(() => room.alerts.value?.queue ?? []);
  /** Recent alerts the streamer may replay, newest first (the queue's settled ones). */
  const playingId = computed(() => room.alerts.value?.playingId ?? queue.value[0]?.id ?? null);

  return {
    paused,
    storm,
    queue,
    playingId,
    commands,
    pause: action(() => commands.send({ type: 'alerts.pause' })),
    resume: action(() => commands.send({ type: 'alerts.resume' })),
    skip: action((alertId?: string) => commands.send({ type: 'alerts.skip', alertId })),
    replay: action((alertId: string) => commands.send({ type: 'alerts.replay', alertId })),
    test: action((tier: number) => commands.send({ type: 'alerts.test', tier, kind: 'gift' })),
  };
});
export type AlertsModel = InstanceType<typeof AlertsModel>;
