export * from './adoption';
export * from './precedent-score';
export * from './seeker-profile';
