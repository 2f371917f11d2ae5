export * from './cross-source';
export * from './gift-ledger';
export * from './ledger-state';
export * from './ledger-totals';
export type { FrameEffect, SourceReport, StreakRecord } from './streak';
export * from './types';
