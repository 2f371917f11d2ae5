export * from './ack';
export * from './channels';
export * from './chat-segments';
export * from './handshake';
export * from './namespaces';
export * from './roles';
export * from './version';
