/**
 * Moderation for overlays: a word filter (block the line or mask the word), hidden messages,
 * and viewers muted from the overlays (their chat and alerts are not broadcast; their gifts,
 * votes and questions still count). The room's audit log lives here too.
 */
import { type Ack, fail, ok } from '../../protocol/ack';
import type { AuditEntry, FilteredWord, ModerationState } from '../../protocol/channel-data';
import { clone } from '../json-state';
import { findWord } from '../text-match';

/** Exported state of the moderation engine. */
export interface ModerationEngineState {
  words: FilteredWord[];
  muted: Record<string, { id: string; handle: string }>;
  hidden: string[];
  auditSeq: number;
  audit: AuditEntry[];
}

const MAX_HIDDEN = 2000;
const MAX_AUDIT = 5000;
const AUDIT_VIEW = 100;

export type FilterResult = { blocked: true } | { blocked: false; text: string };

export function createModerationEngine(saved?: ModerationEngineState) {
  const s: ModerationEngineState = saved
    ? clone(saved)
    : { words: [], muted: {}, hidden: [], auditSeq: 0, audit: [] };

  return {
    addWord(word: string, action: 'block' | 'mask'): Ack<FilteredWord> {
      const lower = word.toLowerCase();
      const existing = s.words.find((w) => w.word === lower);
      if (existing?.action === action) return fail('CONFLICT', `"${word}" is already filtered`);
      if (existing) existing.action = action;
      else s.words.push({ word: lower, action });
      return ok({ word: lower, action });
    },

    removeWord(word: string): Ack<{ word: string }> {
      const lower = word.toLowerCase();
      const index = s.words.findIndex((w) => w.word === lower);
      if (index < 0) return fail('NOT_FOUND', `word: "${word}" is not filtered`);
      s.words.splice(index, 1);
      return ok({ word: lower });
    },

    hideMessage(messageId: string): Ack<{ messageId: string }> {
      if (s.hidden.includes(messageId))
        return fail('CONFLICT', `message ${messageId} is already hidden`);
      s.hidden.push(messageId);
      if (s.hidden.length > MAX_HIDDEN) s.hidden.shift();
      return ok({ messageId });
    },

    mute(userId: string, handle: string): Ack<{ userId: string }> {
      if (s.muted[userId]) return fail('CONFLICT', `viewer ${userId} is already muted`);
      s.muted[userId] = { id: userId, handle };
      return ok({ userId });
    },

    unmute(userId: string): Ack<{ userId: string }> {
      if (!s.muted[userId]) return fail('NOT_FOUND', `userId: viewer ${userId} is not muted`);
      delete s.muted[userId];
      return ok({ userId });
    },

    isMuted: (userId: string) => s.muted[userId] !== undefined,
    isHidden: (messageId: string) => s.hidden.includes(messageId),

    /** Applies the word filter to a chat line: blocked, or the text with masked words starred. */
    filter(text: string): FilterResult {
      if (s.words.length === 0) return { blocked: false, text };
      const lower = text.toLowerCase();
      let mask = false;
      for (const { word, action } of s.words) {
        if (findWord(lower, word).length === 0) continue;
        if (action === 'block') return { blocked: true };
        mask = true;
      }
      return { blocked: false, text: mask ? maskUnits(text, lower, s.words, false) : text };
    },

    /** A name as overlays show it: every filtered word (block or mask) starred out. */
    cleanName(name: string): string {
      if (s.words.length === 0) return name;
      const lower = name.toLowerCase();
      return s.words.some(({ word }) => findWord(lower, word).length > 0)
        ? maskUnits(name, lower, s.words, true)
        : name;
    },

    record(entry: Omit<AuditEntry, 'seq'>): AuditEntry {
      s.auditSeq++;
      const full = { seq: s.auditSeq, ...entry };
      s.audit.push(full);
      if (s.audit.length > MAX_AUDIT) s.audit.shift();
      return full;
    },

    /** The whole audit log kept (most recent `MAX_AUDIT` entries). */
    auditLog: (): AuditEntry[] => clone(s.audit),

    view(): ModerationState {
      return {
        words: clone(s.words),
        mutedViewers: Object.values(s.muted).map((m) => ({ ...m })),
        hiddenMessageIds: s.hidden.slice(-200),
        audit: clone(s.audit.slice(-AUDIT_VIEW)),
      };
    },

    exportState: (): ModerationEngineState => clone(s),
  };
}

/** Stars out every masked word, by UTF-16 offsets of the lowercased text. */
function maskUnits(
  text: string,
  lower: string,
  words: readonly FilteredWord[],
  blockedToo: boolean,
): string {
  if (lower.length !== text.length) return text.replace(/[\p{L}\p{N}]/gu, '*');
  const units = text.split('');
  for (const { word, action } of words) {
    if (action !== 'mask' && !blockedToo) continue;
    for (const at of findWord(lower, word))
      for (let i = at; i < at + word.length; i++) units[i] = '*';
  }
  return units.join('');
}

export type ModerationEngine = ReturnType<typeof createModerationEngine>;
