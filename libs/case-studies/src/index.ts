// The only entry point of @yokoten/case-studies: anything not exported here is private to the library.
export * from './labels';
export * from './taxonomy';
export * from './prefectures';
export * from './municipality-code';
export * from './municipality-kind';
export * from './fiscal-year';
export * from './jst';
export * from './japanese-text';
export * from './markdown/render-markdown';
export * from './sessions';
export * from './search';
export * from './precedents';
export * from './audit-actions';
export * from './attachments';
export * from './case-study-limits';
