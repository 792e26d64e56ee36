import { AdoptionEntity, AdoptionEventEntity } from '../modules/adoption/adoption.entity';
import { InquiryEntity, InquiryMessageEntity } from '../modules/inquiry/inquiry.entity';
import { CaseStudyRevisionEntity } from '../modules/case-study/case-study-revision.entity';
import { CaseStudyEntity } from '../modules/case-study/case-study.entity';
import { LoginSessionEntity } from '../modules/auth/login-session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { ExchangeSessionEntity } from '../modules/exchange-session/exchange-session.entity';
import { RegistrationEntity } from '../modules/exchange-session/registration.entity';
import { SessionTableEntity } from '../modules/exchange-session/session-table.entity';
import {
  QuestionnaireResponseEntity,
  SessionQuestionEntity,
  SessionSurveyEntity,
} from '../modules/questionnaire/questionnaire.entity';
import { DeclarationEntity } from '../modules/municipality/declaration.entity';
import { MunicipalityEntity } from '../modules/municipality/municipality.entity';
import { MailOutboxEntity } from '../modules/mail/mail-outbox.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { JoinApplicationEntity } from '../modules/join-application/join-application.entity';
import { MunicipalityProfileEntity } from '../modules/municipality/municipality-profile.entity';
import { SearchOutboxEntity } from '../search/search-outbox.entity';
import { InvitationEntity } from '../modules/account/invitation.entity';
import { PasswordResetEntity } from '../modules/account/password-reset.entity';
import { AppSettingEntity } from '../modules/account/app-setting.entity';
import { ATTACHMENT_ENTITIES } from '../modules/attachment/attachment.entity';
import {
  CaseHelpfulVoteEntity,
  CaseWatchEntity,
  SavedSearchEntity,
} from '../modules/watch/watch.entity';

export const ENTITIES = [
  MunicipalityEntity,
  DeclarationEntity,
  UserEntity,
  LoginSessionEntity,
  CaseStudyEntity,
  CaseStudyRevisionEntity,
  SearchOutboxEntity,
  ExchangeSessionEntity,
  SessionTableEntity,
  RegistrationEntity,
  SessionQuestionEntity,
  SessionSurveyEntity,
  QuestionnaireResponseEntity,
  AdoptionEntity,
  AdoptionEventEntity,
  InquiryEntity,
  InquiryMessageEntity,
  MailOutboxEntity,
  AuditLogEntity,
  JoinApplicationEntity,
  MunicipalityProfileEntity,
  InvitationEntity,
  PasswordResetEntity,
  AppSettingEntity,
  CaseWatchEntity,
  CaseHelpfulVoteEntity,
  SavedSearchEntity,
  ...ATTACHMENT_ENTITIES,
];
