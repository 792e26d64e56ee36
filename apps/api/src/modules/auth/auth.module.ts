import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { UserRepository } from './user.repository';

export const AUTH_RESOLVERS = [AuthResolver];

@Module({
  providers: [AuthService, UserRepository, ...AUTH_RESOLVERS],
  exports: [AuthService, UserRepository],
})
export class AuthModule {}
