/**
 * Q&A: questions from TikTok's question feature and from chat, near-duplicates merged,
 * upvotes from chat, and a moderated lifecycle pending → approved → onScreen → answered |
 * dismissed where every moderator action is kept with who and when.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type {
  QnaState,
  QuestionStatus,
  QuestionView,
  ViewerBadge,
} from '../../protocol/channel-data';
import type { QnaSettings } from '../../protocol/commands/qna';
import { clone } from '../json-state';
import { questionSimilarity, questionWords } from './question-similarity';

export const DEFAULT_QNA_SETTINGS: QnaSettings = {
  prefixes: ['Q:', 'Q.', '!q'],
  trailingQuestionMark: true,
  minWords: 3,
  upvoteTokens: ['+1', '^'],
  mergeSimilarity: 0.8,
};

/** Which moves a moderator may make from each status. */
const TRANSITIONS: Record<QuestionStatus, readonly QuestionStatus[]> = {
  pending: ['approved', 'onScreen', 'dismissed'],
  approved: ['pending', 'onScreen', 'dismissed'],
  onScreen: ['approved', 'answered', 'dismissed'],
  answered: ['onScreen'],
  dismissed: ['pending', 'approved'],
};

const OPEN: readonly QuestionStatus[] = ['pending', 'approved', 'onScreen'];
const MAX_QUESTIONS = 1000;
const VIEW_LIMIT = 200;
/** Open questions a new one is compared with for merging (the most recent). */
const MERGE_WINDOW = 300;

interface QuestionRecord {
  id: string;
  number: number;
  text: string;
  words: string[];
  user: ViewerBadge;
  status: QuestionStatus;
  upvotes: number;
  upvoters: Record<string, 1>;
  merged: number;
  askedAt: number;
  origin: 'tiktok' | 'chat';
  /** The chat line that asked it (chat questions), so TikTok removing that line dismisses it. */
  messageId?: string;
  history: Array<{ status: QuestionStatus; by: string; at: number }>;
}

/** Exported state of the Q&A engine. */
export interface QnaEngineState {
  seq: number;
  settings: QnaSettings;
  questions: QuestionRecord[];
}

type Asker = ViewerBadge;

export function createQnaEngine(saved?: QnaEngineState, settings?: Partial<QnaSettings>) {
  const s: QnaEngineState = saved
    ? clone(saved)
    : { seq: 0, settings: { ...DEFAULT_QNA_SETTINGS, ...settings }, questions: [] };

  const isOpen = (q: QuestionRecord) => OPEN.includes(q.status);

  const latestOpen = (): QuestionRecord | undefined => {
    for (let i = s.questions.length - 1; i >= 0; i--) {
      const q = s.questions[i];
      if (q && isOpen(q)) return q;
    }
    return undefined;
  };

  const upvote = (q: QuestionRecord, userId: string): boolean => {
    if (q.user.id === userId || q.upvoters[userId]) return false;
    q.upvoters[userId] = 1;
    q.upvotes++;
    return true;
  };

  /** The text of a chat question, or null when the line is not one. */
  const chatQuestion = (text: string): string | null => {
    const trimmed = text.trim();
    const lower = trimmed.toLowerCase();
    for (const prefix of s.settings.prefixes) {
      const p = prefix.toLowerCase();
      if (!lower.startsWith(p)) continue;
      // A word prefix (`!q`) needs a space after it; `Q:` does not.
      const next = trimmed.charAt(p.length);
      if (/[\p{L}\p{N}]$/u.test(p) && next !== '' && !/\s/.test(next)) continue;
      const rest = trimmed.slice(p.length).trim();
      return rest.length >= 2 ? rest : null;
    }
    if (s.settings.trailingQuestionMark && trimmed.endsWith('?')) {
      return questionWords(trimmed).length >= s.settings.minWords ? trimmed : null;
    }
    return null;
  };

  /** `+1`, `^` (latest open question) or `+1 #3` (question 3): true when it counted. */
  const chatUpvote = (text: string, userId: string): boolean | null => {
    const trimmed = text.trim();
    for (const token of s.settings.upvoteTokens) {
      if (trimmed === token) {
        const latest = latestOpen();
        return latest ? upvote(latest, userId) : false;
      }
      if (trimmed.startsWith(token)) {
        const m = /^\s*#?(\d{1,6})$/.exec(trimmed.slice(token.length));
        if (!m) continue;
        const q = s.questions.find((x) => x.number === Number(m[1]));
        return q && isOpen(q) ? upvote(q, userId) : false;
      }
    }
    return null;
  };

  const ask = (
    user: Asker,
    text: string,
    at: number,
    origin: 'tiktok' | 'chat',
    messageId?: string,
  ): boolean => {
    const words = questionWords(text);
    if (words.length === 0) return false;
    let best: QuestionRecord | null = null;
    let bestScore = 0;
    let compared = 0;
    // Newest first, and only so many: a chat flood of questions stays cheap.
    for (let i = s.questions.length - 1; i >= 0 && compared < MERGE_WINDOW; i--) {
      const q = s.questions[i] as QuestionRecord;
      if (!isOpen(q)) continue;
      compared++;
      const score = questionSimilarity(words, q.words);
      if (score > bestScore) {
        best = q;
        bestScore = score;
      }
    }
    if (best && bestScore >= s.settings.mergeSimilarity) {
      best.merged++;
      // Asking the same thing again counts as backing it (once per viewer).
      upvote(best, user.id);
      return true;
    }
    s.seq++;
    s.questions.push({
      id: `q-${s.seq}`,
      number: s.seq,
      text: text.trim(),
      words,
      user: { ...user },
      status: 'pending',
      upvotes: 0,
      upvoters: {},
      merged: 0,
      askedAt: at,
      origin,
      ...(messageId ? { messageId } : {}),
      history: [],
    });
    trim();
    return true;
  };

  const trim = () => {
    if (s.questions.length <= MAX_QUESTIONS) return;
    let index = s.questions.findIndex((q) => !isOpen(q));
    if (index < 0) index = 0;
    s.questions.splice(index, 1);
  };

  const view = (q: QuestionRecord): QuestionView => ({
    id: q.id,
    text: q.text,
    user: { ...q.user },
    status: q.status,
    upvotes: q.upvotes,
    merged: q.merged,
    askedAt: q.askedAt,
    number: q.number,
    origin: q.origin,
    history: q.history.map((h) => ({ ...h })),
  });

  const rank = (status: QuestionStatus) => ['onScreen', 'approved', 'pending'].indexOf(status);

  return {
    /** A TikTok question event. */
    onQuestion(user: Asker, text: string, at: number): boolean {
      return ask(user, text, at, 'tiktok');
    },

    /** A chat line: an upvote, a question, or neither (false). */
    onChat(user: Asker, text: string, at: number, messageId?: string): boolean {
      const voted = chatUpvote(text, user.id);
      if (voted !== null) return voted;
      const question = chatQuestion(text);
      return question === null ? false : ask(user, question, at, 'chat', messageId);
    },

    /**
     * TikTok removed chat lines (by id, or every line of some users): open questions those lines
     * asked are dismissed, by `tiktok` in their history. Questions from TikTok's own Q&A feature
     * are not chat lines and stay. True when one changed.
     */
    onChatRemoved(messageIds: readonly string[], userIds: readonly string[], at: number): boolean {
      const ids = new Set(messageIds);
      const users = new Set(userIds);
      let changed = false;
      for (const q of s.questions) {
        if (q.origin !== 'chat' || !isOpen(q)) continue;
        if (!(q.messageId !== undefined && ids.has(q.messageId)) && !users.has(q.user.id)) continue;
        q.status = 'dismissed';
        q.history.push({ status: 'dismissed', by: 'tiktok', at });
        changed = true;
      }
      return changed;
    },

    setStatus(id: string, status: QuestionStatus, by: string, at: number): Ack<QuestionView> {
      const q = s.questions.find((x) => x.id === id);
      if (!q) return fail('NOT_FOUND', `questionId: no question ${id}`);
      if (!TRANSITIONS[q.status].includes(status)) {
        return fail('CONFLICT', `question ${id} is ${q.status}; it cannot become ${status}`);
      }
      if (status === 'onScreen') {
        // One question on screen at a time: the one showing goes back to approved.
        for (const other of s.questions) {
          if (other.status !== 'onScreen') continue;
          other.status = 'approved';
          other.history.push({ status: 'approved', by, at });
        }
      }
      q.status = status;
      q.history.push({ status, by, at });
      return ok(view(q));
    },

    configure(settings: Partial<QnaSettings>): QnaSettings {
      s.settings = { ...s.settings, ...settings };
      return { ...s.settings };
    },

    view(): QnaState {
      const onScreen = s.questions.find((q) => q.status === 'onScreen');
      const open = s.questions
        .filter(isOpen)
        .sort(
          (a, b) =>
            rank(a.status) - rank(b.status) || b.upvotes - a.upvotes || a.askedAt - b.askedAt,
        );
      const closed = s.questions.filter((q) => !isOpen(q)).slice(-50);
      return {
        onScreen: onScreen ? view(onScreen) : null,
        questions: [...open, ...closed].slice(0, VIEW_LIMIT).map(view),
      };
    },

    exportState: (): QnaEngineState => clone(s),
  };
}

export type QnaEngine = ReturnType<typeof createQnaEngine>;
