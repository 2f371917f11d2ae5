/**
 * Q&A triage: approve, put on screen, mark answered, dismiss. Answered and dismissed questions
 * are archived in the panel's store.
 */
import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { QuestionStatus, QuestionView } from '../../shared/protocol/channel-data';
import type { PanelStore } from '../storage/panel-store';
import type { QnaArchiveEntry } from '../storage/records';
import type { ControlTransport } from '../transport/transport';
import { createCommandRunner } from './command-runner';
import type { RoomModel } from './room-model';

/** Order in the triage list: what needs a decision first, most upvoted first within. */
const STATUS_ORDER: Record<QuestionStatus, number> = {
  onScreen: 0,
  approved: 1,
  pending: 2,
  answered: 3,
  dismissed: 4,
};

export const QnaModel = createModel(
  (transport: ControlTransport, room: RoomModel, store: PanelStore) => {
    const commands = createCommandRunner(transport);
    const questions = computed(() =>
      [...(room.qna.value?.questions ?? [])].sort(
        (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.upvotes - a.upvotes,
      ),
    );
    const open = computed(() =>
      questions.value.filter((q) => q.status !== 'answered' && q.status !== 'dismissed'),
    );
    const onScreen = computed(() => room.qna.value?.onScreen ?? null);

    /** Answered and dismissed questions of every stream, newest first. */
    const archive = signal<QnaArchiveEntry[]>([]);
    const loadArchive = action(async () => {
      archive.value = (await store.getAll('qnaArchive')).sort((a, b) => b.askedAt - a.askedAt);
    });

    const setStatus = action((questionId: string, status: QuestionStatus) =>
      commands.send({ type: 'qna.setStatus', questionId, status }),
    );

    const archived = new Set<string>();
    effect(() => {
      for (const question of questions.value) {
        if (question.status !== 'answered' && question.status !== 'dismissed') continue;
        if (archived.has(question.id)) continue;
        archived.add(question.id);
        void store
          .put('qnaArchive', toArchiveEntry(question, question.status, room.streamId.peek()))
          .then(loadArchive);
      }
    });

    return { questions, open, onScreen, archive, commands, loadArchive, setStatus };
  },
);
export type QnaModel = InstanceType<typeof QnaModel>;

function toArchiveEntry(
  question: QuestionView,
  status: 'answered' | 'dismissed',
  streamId: string | null,
) {
  return {
    id: question.id,
    streamId,
    text: question.text,
    handle: question.user.handle,
    status,
    upvotes: question.upvotes,
    askedAt: question.askedAt,
  };
}
