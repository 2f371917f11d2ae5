/**
 * Polls: start from a template, extend, close, show or hide on the overlay. A poll that closes
 * is archived in the panel's store with its result.
 */
import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { PollView } from '../../shared/protocol/channel-data';
import type { PanelStore } from '../storage/panel-store';
import type { PollArchiveEntry } from '../storage/records';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { RoomModel } from './room-model';

/** What the streamer fills in (or takes from a template) before starting. */
export interface PollDraft {
  question: string;
  options: string[];
  durationSeconds: number | null;
}

export const PollModel = createModel(
  (transport: ControlTransport, room: RoomModel, store: PanelStore) => {
    const commands = createCommandRunner(transport);
    const current = computed(() => room.poll.value?.current ?? null);
    const archive = signal<PollArchiveEntry[]>([]);

    const loadArchive = action(async () => {
      const entries = await store.getAll('pollArchive');
      archive.value = entries.sort((a, b) => b.startedAt - a.startedAt);
    });

    const start = action((draft: PollDraft) =>
      commands.send({
        type: 'poll.start',
        question: draft.question,
        options: draft.options.map((label) => ({ label })),
        durationSeconds: draft.durationSeconds,
      }),
    );
    const pollId = () => current.peek()?.id;
    const extend = action((seconds: number) =>
      commands.send({ type: 'poll.extend', pollId: pollId(), seconds }),
    );
    const close = action(() => commands.send({ type: 'poll.close', pollId: pollId() }));
    const show = action(() => commands.send({ type: 'poll.show', pollId: pollId() }));
    const hide = action(() => commands.send({ type: 'poll.hide', pollId: pollId() }));

    // Archive each poll once, when it arrives closed.
    const archived = new Set<string>();
    effect(() => {
      const poll = current.value;
      if (poll?.status !== 'closed' || archived.has(poll.id)) return;
      archived.add(poll.id);
      void store.put('pollArchive', toArchiveEntry(poll, room.streamId.peek())).then(loadArchive);
    });

    return { current, archive, commands, loadArchive, start, extend, close, show, hide };
  },
);
export type PollModel = InstanceType<typeof PollModel>;

function toArchiveEntry(poll: PollView, streamId: string | null): PollArchiveEntry {
  return {
    id: poll.id,
    streamId,
    question: poll.question,
    options: poll.options.map((option) => ({ ...option })),
    totalVoters: poll.totalVoters,
    winners: poll.winners ? [...poll.winners] : null,
    startedAt: poll.startedAt,
    closedAt: poll.closedAt ?? null,
  };
}
