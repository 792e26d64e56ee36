export * from './synonyms';
export * from './plain-text';
export * from './case-document';
export * from './query';
export * from './filter';
export * from './highlight';
