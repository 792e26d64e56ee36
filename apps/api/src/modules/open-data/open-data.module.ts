import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';

/** Open data: public cases as CSV, JSON and Atom under CC BY 4.0 (REST, no login). */
@Module({ providers: [OpenDataRepository], controllers: [OpenDataController] })
export class OpenDataModule {}
