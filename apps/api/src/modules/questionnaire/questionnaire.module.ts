import { Module } from '@nestjs/common';
import { ClockModule } from '../../common/clock';
import { AuthModule } from '../auth/auth.module';
import { QuestionnaireController } from './questionnaire.controller';
import { QuestionnaireRepository } from './questionnaire.repository';
import { QuestionnaireResolver, SessionQuestionnaireResolver } from './questionnaire.resolver';
import { QuestionnaireService } from './questionnaire.service';
import { SurveyScheduler } from './survey-scheduler';

export const QUESTIONNAIRE_RESOLVERS = [QuestionnaireResolver, SessionQuestionnaireResolver];

/** アンケート: registration questions and post-session surveys of exchange sessions (README.md). */
@Module({
  imports: [AuthModule, ClockModule],
  controllers: [QuestionnaireController],
  providers: [QuestionnaireService, QuestionnaireRepository, SurveyScheduler, ...QUESTIONNAIRE_RESOLVERS],
  exports: [QuestionnaireService],
})
export class QuestionnaireModule {}
