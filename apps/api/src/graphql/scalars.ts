import { DateScalar } from './date.scalar';
import { DateTimeScalar } from './date-time.scalar';

/** The custom scalars of the schema: provided by the app module and given to the schema printer. */
export const GRAPHQL_SCALARS = [DateScalar, DateTimeScalar];
