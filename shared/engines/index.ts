export * from './live-room';
export type * from './live-room-contract';
