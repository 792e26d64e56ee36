import { Foundation1795275573078 } from './1795275573078-Foundation';
import { CaseStudies1795275888556 } from './1795275888556-CaseStudies';
import { ExchangeSessions1795276351045 } from './1795276351045-ExchangeSessions';
import { RegistrationFunction1795279000000 } from './1795279000000-RegistrationFunction';
import { SearchOutboxNotify1795279100000 } from './1795279100000-SearchOutboxNotify';
import { AdoptionsInquiries1795279300000 } from './1795279300000-AdoptionsInquiries';
import { SearchMunicipalityChanges1795279400000 } from './1795279400000-SearchMunicipalityChanges';
import { MailOutbox1795279500000 } from './1795279500000-MailOutbox';
import { AuditLog1795280200000 } from './1795280200000-AuditLog';
import { JoinApplications1795280210000 } from './1795280210000-JoinApplications';
import { MunicipalityProfiles1795280220000 } from './1795280220000-MunicipalityProfiles';
import { Accounts1795280100000 } from './1795280100000-Accounts';
import { RateLimits1795280300000 } from './1795280300000-RateLimits';
import { OutboxLeases1795280540000 } from './1795280540000-OutboxLeases';
import { SearchIndexSettings1795280550000 } from './1795280550000-SearchIndexSettings';
import { WatchesSavedSearches1795280620000 } from './1795280620000-WatchesSavedSearches';
import { Attachments1795280700000 } from './1795280700000-Attachments';
import { RegistrationAutocommit1795280905000 } from './1795280905000-RegistrationAutocommit';
import { Questionnaires1795281300000 } from './1795281300000-Questionnaires';
import { LoginSessions1795281310000 } from './1795281310000-LoginSessions';

// Listed explicitly (not globbed) so the compiled app and the tests load the same set, in order.
export const MIGRATIONS = [
  Foundation1795275573078,
  CaseStudies1795275888556,
  ExchangeSessions1795276351045,
  RegistrationFunction1795279000000,
  SearchOutboxNotify1795279100000,
  AdoptionsInquiries1795279300000,
  SearchMunicipalityChanges1795279400000,
  MailOutbox1795279500000,
  Accounts1795280100000,
  AuditLog1795280200000,
  JoinApplications1795280210000,
  MunicipalityProfiles1795280220000,
  RateLimits1795280300000,
  OutboxLeases1795280540000,
  SearchIndexSettings1795280550000,
  WatchesSavedSearches1795280620000,
  Attachments1795280700000,
  RegistrationAutocommit1795280905000,
  Questionnaires1795281300000,
  LoginSessions1795281310000,
];
