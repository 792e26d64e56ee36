import { registerEnumType } from '@nestjs/graphql';
import { USER_LOCALES, USER_STATUSES, type UserLocale, type UserStatus } from '../../auth/user.entity';
import { INVITATION_STATUSES, type InvitationStatus } from '../invitation.entity';

const enumObject = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const UserStatusEnum = enumObject<UserStatus>(USER_STATUSES);
export const LocaleEnum = enumObject<UserLocale>(USER_LOCALES);
export const InvitationStatusEnum = enumObject<InvitationStatus>(INVITATION_STATUSES);

registerEnumType(UserStatusEnum, {
  name: 'UserStatus',
  description: 'A DISABLED account cannot log in and gets no mail',
});
registerEnumType(LocaleEnum, { name: 'Locale' });
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus' });
