/**
 * Moderation: the word filter, hidden chat messages, muted viewers and the audit log of who
 * did what (the server keeps the log; the panel shows it).
 */
import { action, computed, createModel } from '@preact/signals';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { RoomModel } from './room-model';

export const ModerationModel = createModel((transport: ControlTransport, room: RoomModel) => {
  const commands = createCommandRunner(transport);
  const words = computed(() => room.moderation.value?.words ?? []);
  const mutedViewers = computed(() => room.moderation.value?.mutedViewers ?? []);
  const hiddenMessageIds = computed(() => new Set(room.moderation.value?.hiddenMessageIds ?? []));
  /** Newest first: the log is read from the top. */
  const audit = computed(() => [...(room.moderation.value?.audit ?? [])].reverse());
  /** Shown and removed lines together, oldest first; removed ones are marked in the view. */
  const chat = computed(() =>
    [...(room.chat.value?.lines ?? []), ...room.removedChat.value].sort((a, b) => a.at - b.at),
  );
  const removedIds = computed(() => new Set(room.removedChat.value.map((line) => line.id)));

  return {
    words,
    mutedViewers,
    hiddenMessageIds,
    audit,
    chat,
    removedIds,
    commands,
    addWord: action((word: string, mode: 'block' | 'mask') =>
      commands.send({ type: 'moderation.addWord', word, action: mode }),
    ),
    removeWord: action((word: string) => commands.send({ type: 'moderation.removeWord', word })),
    hideMessage: action((messageId: string) =>
      commands.send({ type: 'moderation.hideMessage', messageId }),
    ),
    muteViewer: action((userId: string, handle: string) =>
      commands.send({ type: 'moderation.muteViewer', userId, handle }),
    ),
    unmuteViewer: action((userId: string) =>
      commands.send({ type: 'moderation.unmuteViewer', userId }),
    ),
  };
});
export type ModerationModel = InstanceType<typeof ModerationModel>;
