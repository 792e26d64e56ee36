export * from './exchange-session';
export * from './lottery';
export * from './table-assignment';
export * from './session-refusals';
