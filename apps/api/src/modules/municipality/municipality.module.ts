import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeclarationResolver } from './declaration.resolver';
import { MunicipalityRepository } from './municipality.repository';
import { MunicipalityResolver } from './municipality.resolver';
import { MunicipalityService } from './municipality.service';

export const MUNICIPALITY_RESOLVERS = [MunicipalityResolver, DeclarationResolver];

@Module({
  imports: [AuditModule],
  providers: [MunicipalityService, MunicipalityRepository, ...MUNICIPALITY_RESOLVERS],
  exports: [MunicipalityService, MunicipalityRepository],
})
export class MunicipalityModule {}
