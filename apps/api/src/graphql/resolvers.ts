import { ADOPTION_RESOLVERS } from '../modules/adoption/adoption.module';
import { ATTACHMENT_RESOLVERS } from '../modules/attachment/attachment.module';
import { AUDIT_RESOLVERS } from '../modules/audit/audit.module';
import { JOIN_APPLICATION_RESOLVERS } from '../modules/join-application/join-application.module';
import { ACCOUNT_RESOLVERS } from '../modules/account/account.module';
import { DASHBOARD_RESOLVERS } from '../modules/dashboard/dashboard.module';
import { INQUIRY_RESOLVERS } from '../modules/inquiry/inquiry.module';
import { PRECEDENT_FINDER_RESOLVERS } from '../modules/precedent-finder/precedent-finder.module';
import { AUTH_RESOLVERS } from '../modules/auth/auth.module';
import { EXCHANGE_SESSION_RESOLVERS } from '../modules/exchange-session/exchange-session.module';
import { QUESTIONNAIRE_RESOLVERS } from '../modules/questionnaire/questionnaire.module';
import { CASE_SEARCH_RESOLVERS } from '../modules/case-search/case-search.module';
import { CASE_STUDY_RESOLVERS } from '../modules/case-study/case-study.module';
import { MUNICIPALITY_RESOLVERS } from '../modules/municipality/municipality.module';
import { WATCH_RESOLVERS } from '../modules/watch/watch.module';
import { DateScalar } from './date.scalar';
import { DateTimeScalar } from './date-time.scalar';

/** Every resolver of the API, for printing schema.gql without a database; a spec checks it equals the live schema. */
export const ALL_RESOLVERS = [
  ...AUTH_RESOLVERS,
  ...MUNICIPALITY_RESOLVERS,
  ...CASE_STUDY_RESOLVERS,
  ...EXCHANGE_SESSION_RESOLVERS,
  ...QUESTIONNAIRE_RESOLVERS,
  ...CASE_SEARCH_RESOLVERS,
  ...ADOPTION_RESOLVERS,
  ...INQUIRY_RESOLVERS,
  ...PRECEDENT_FINDER_RESOLVERS,
  ...DASHBOARD_RESOLVERS,
  ...AUDIT_RESOLVERS,
  ...JOIN_APPLICATION_RESOLVERS,
  ...ACCOUNT_RESOLVERS,
  ...WATCH_RESOLVERS,
  ...ATTACHMENT_RESOLVERS,
];
export const ALL_SCALARS = [DateScalar, DateTimeScalar];
