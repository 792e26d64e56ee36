import { CaseStudyRevisionEntity } from '../modules/case-study/case-study-revision.entity';
import { CaseStudyEntity } from '../modules/case-study/case-study.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { DeclarationEntity } from '../modules/municipality/declaration.entity';
import { MunicipalityEntity } from '../modules/municipality/municipality.entity';
import { SearchOutboxEntity } from '../search/search-outbox.entity';

export const ENTITIES = [
  MunicipalityEntity,
  DeclarationEntity,
  UserEntity,
  SessionEntity,
  CaseStudyEntity,
  CaseStudyRevisionEntity,
  SearchOutboxEntity,
];
