import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RequestActorResolver } from '../../graphql/request-context';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginSessionEntity } from './login-session.entity';
import { AuthRequestActor } from './request-actor';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Users, sign-in and login sessions; resolves every GraphQL request's caller (RequestActorResolver). */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, LoginSessionEntity])],
  providers: [
    AuthService,
    UserRepository,
    AuthResolver,
    { provide: RequestActorResolver, useClass: AuthRequestActor },
  ],
  exports: [AuthService, UserRepository, RequestActorResolver],
})
export class AuthModule {}
