import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { DeclarationEntity } from '../modules/municipality/declaration.entity';
import { MunicipalityEntity } from '../modules/municipality/municipality.entity';

export const ENTITIES = [MunicipalityEntity, DeclarationEntity, UserEntity, SessionEntity];
