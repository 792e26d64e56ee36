/** The search layer raises it (search/engine-errors.ts); it is this feature's error code. */
export { SearchUnavailableError } from '../../search/engine-errors';
