/** Moderation: filtered words, muted viewers, hidden messages and the audit log. */

/** A filtered word: `block` keeps the whole line off the overlays, `mask` stars the word out. */
export interface FilteredWord {
  word: string;
  action: 'block' | 'mask';
}
/** One moderator or owner action, for the audit log. */
export interface AuditEntry {
  /** Sequence number within the stream. */
  seq: number;
  at: number;
  /** Actor name, e.g. `owner` or `mod:alex`. */
  by: string;
  role: string;
  /** The command type, e.g. `moderation.muteViewer`. */
  action: string;
  /** A short human summary of what changed. */
  detail: string;
}
export interface ModerationState {
  words: FilteredWord[];
  /** Viewers whose chat and alerts are kept off the overlays (their gifts still count). */
  mutedViewers: Array<{ id: string; handle: string }>;
  /** Chat message ids hidden from the overlays. */
  hiddenMessageIds: string[];
  /** The most recent audit entries, oldest first. */
  audit: AuditEntry[];
}
