/**
 * The streamer's settings: revenue model preset, goals, weekly schedule and whether moderators
 * see earnings. Kept in the panel's store; money settings also go to the server (owner only).
 */
import { action, createModel, signal } from '@preact/signals';
import { presetById } from '../../shared/revenue/revenue-model';
import { DEFAULT_SETTINGS, type PanelStore } from '../storage/panel-store';
import type { GoalSetting, ScheduleSlot } from '../storage/records';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';

export const SettingsModel = createModel((transport: ControlTransport, store: PanelStore) => {
  const revenueModel = signal(DEFAULT_SETTINGS.revenueModel);
  const goals = signal<GoalSetting[]>([]);
  const schedule = signal<ScheduleSlot[]>([]);
  const moderatorsSeeEarnings = signal(false);
  const lastCashOutAt = signal<number | null>(null);
  const commands = createCommandRunner(transport);

  const load = action(async () => {
    revenueModel.value = await store.getSetting('revenueModel');
    goals.value = await store.getSetting('goals');
    schedule.value = await store.getSetting('schedule');
    moderatorsSeeEarnings.value = await store.getSetting('moderatorsSeeEarnings');
    lastCashOutAt.value = await store.getSetting('lastCashOutAt');
  });

  /** Owner only: the server refuses moderators, and the view hides the control from them. */
  const chooseRevenuePreset = action(async (presetId: string) => {
    const preset = presetById(presetId);
    if (!preset) return false;
    const ack = await commands.send({ type: 'settings.revenueModel', presetId });
    if (!ack.ok) return false;
    revenueModel.value = preset;
    await store.putSetting('revenueModel', preset);
    return true;
  });

  /** Saves a goal and sets it on the server, where its progress is counted. */
  const addGoal = action(async (goal: GoalSetting) => {
    const ack = await commands.send({
      type: 'goals.set',
      kind: goal.kind,
      label: goal.label,
      target: goal.target,
      countFrom: 'streamStart',
    });
    if (!ack.ok) return false;
    goals.value = [...goals.peek(), goal];
    await store.putSetting('goals', goals.peek());
    return true;
  });

  const setSchedule = action(async (slots: ScheduleSlot[]) => {
    schedule.value = slots;
    await store.putSetting('schedule', slots);
  });

  /**
   * Owner only: the server keeps the setting (it withholds earnings from moderators) and its
   * earnings state says what it is; the store keeps the last choice for backups.
   */
  const setModeratorsSeeEarnings = action(async (allowed: boolean) => {
    const ack = await commands.send({ type: 'settings.moderatorsSeeEarnings', allowed });
    if (!ack.ok) return false;
    moderatorsSeeEarnings.value = allowed;
    await store.putSetting('moderatorsSeeEarnings', allowed);
    return true;
  });

  const markCashedOut = action(async (at: number) => {
    lastCashOutAt.value = at;
    await store.putSetting('lastCashOutAt', at);
  });

  return {
    revenueModel,
    goals,
    schedule,
    moderatorsSeeEarnings,
    lastCashOutAt,
    commands,
    load,
    chooseRevenuePreset,
    addGoal,
    setSchedule,
    setModeratorsSeeEarnings,
    markCashedOut,
  };
});
export type SettingsModel = InstanceType<typeof SettingsModel>;
