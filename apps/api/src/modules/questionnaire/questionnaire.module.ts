import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../common/clock';
import { AuthModule } from '../auth/auth.module';
import { QuestionnaireController } from './questionnaire.controller';
import {
  QuestionnaireResponseEntity,
  SessionQuestionEntity,
  SessionSurveyEntity,
} from './questionnaire.entity';
import { QuestionnaireLoaderFactory } from './questionnaire-loaders';
import { QuestionnaireRepository } from './questionnaire.repository';
import { QuestionnaireResolver, SessionQuestionnaireResolver } from './questionnaire.resolver';
import { QuestionnaireService } from './questionnaire.service';
import { SurveyScheduler } from './survey-scheduler';

/** アンケート: registration questions and post-session surveys of exchange sessions (README.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([SessionQuestionEntity, SessionSurveyEntity, QuestionnaireResponseEntity]),
    AuthModule,
    ClockModule,
  ],
  controllers: [QuestionnaireController],
  providers: [
    QuestionnaireService,
    QuestionnaireRepository,
    QuestionnaireLoaderFactory,
    SurveyScheduler,
    QuestionnaireResolver,
    SessionQuestionnaireResolver,
  ],
  exports: [QuestionnaireService],
})
export class QuestionnaireModule {}
