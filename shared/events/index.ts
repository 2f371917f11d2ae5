export * from './base';
export * from './chat';
export * from './gift';
export * from './live-event';
export * from './parse';
export * from './room';
export * from './social';
export * from './user';
