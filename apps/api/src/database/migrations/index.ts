import { Foundation1795275573078 } from './1795275573078-Foundation';

// Listed explicitly (not globbed) so the compiled app and the tests load the same set, in order.
export const MIGRATIONS = [Foundation1795275573078];
