export * from './adoption';
export * from './precedent-score';
