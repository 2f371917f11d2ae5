import { z } from 'zod';
import { sourceSchema, viewerText } from '../events/base';
import { giftEventSchema, giftInfoSchema } from '../events/gift';
import { type Parsed, parseWith } from '../events/parse';
import type { TotalsState } from './ledger-totals';
import type { StreakRecord } from './streak';

/** Bumped when the shape of `LedgerState` changes; a mismatch is refused, not half-read. */
export const LEDGER_STATE_VERSION = 1;

/** Everything a ledger needs to continue after a restart (journal snapshot). JSON-serializable. */
export interface LedgerState {
  version: number;
  /** Open streaks and recently settled ones (kept for late ends and other sources). */
  streaks: StreakRecord[];
  totals: TotalsState;
}

const units = z.number().int().nonnegative();
const ledgerUserSchema = z.object({
  id: z.string().min(1).max(64),
  handle: viewerText(64),
  nickname: viewerText(128),
  avatarUrl: z.string().max(2048).nullable(),
});
const tallySchema = z.object({ units, coins: units });

const streakRecordSchema = z.object({
  key: z.string().min(1),
  user: ledgerUserSchema,
  gift: giftInfoSchema,
  toUser: giftEventSchema.shape.toUser,
  count: units,
  committedCount: units,
  ended: z.boolean(),
  single: z.boolean(),
  firstAt: units,
  lastAt: units,
  reports: z.array(z.object({ source: sourceSchema, count: units })),
  aliases: z.array(z.string().min(1)),
});

/** Validates a ledger state read back from a journal snapshot before a ledger trusts it. */
export const ledgerStateSchema = z.object({
  version: z.literal(LEDGER_STATE_VERSION),
  streaks: z.array(streakRecordSchema),
  totals: z.object({
    hostCoins: units,
    guestCoins: units,
    completedGifts: units,
    giftsByName: z.record(z.string(), tallySchema),
    gifters: z.array(z.object({ user: ledgerUserSchema, coins: units })),
  }),
  // States written before the relay alone dropped replayed message ids also hold `messageIds`:
  // unknown keys are stripped, and recovery hands that list to the relay (legacyMessageIds).
}) satisfies z.ZodType<LedgerState>;

/** Parses a stored ledger state; a bad one gets a message naming the field. */
export function parseLedgerState(payload: unknown): Parsed<LedgerState> {
  return parseWith(ledgerStateSchema, payload);
}

/** A state read back from a journal on disk, checked before a ledger trusts it (throws naming what is wrong). */
export function checkedLedgerState(state: LedgerState): LedgerState {
  const parsed = parseLedgerState(state);
  if (!parsed.ok) throw new Error(`invalid gift ledger state: ${parsed.message}`);
  return parsed.value;
}
