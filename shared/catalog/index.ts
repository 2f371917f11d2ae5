export * from './gift-catalog';
export * from './resolve-gift';
