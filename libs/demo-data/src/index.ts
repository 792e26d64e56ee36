// The only entry point of @yokoten/demo-data: anything not exported here is private to the library.
export * from './demo-municipalities';
export * from './demo-case-studies';
