export * from './gift-catalog';
export * from './gift-pictures';
export * from './resolve-gift';
