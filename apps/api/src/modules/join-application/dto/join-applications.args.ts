import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { trim } from '../../../common/transforms';
import { JOIN_APPLICATION_STATUSES, type JoinApplicationStatus } from '../join-application.entity';
import { JoinApplicationStatusEnum } from '../models/join-application.model';

@ArgsType()
export class JoinApplicationsArgs {
  @Field(() => [JoinApplicationStatusEnum], { nullable: true, description: 'Default: all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(JOIN_APPLICATION_STATUSES, { each: true })
  statuses?: JoinApplicationStatus[];
}

@ArgsType()
export class JoinApplicationIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class DeclineJoinApplicationArgs extends JoinApplicationIdArgs {
  @Field({ description: 'Why (mailed to the applicant)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason should not be empty' })
  @MaxLength(2000)
  reason: string;
}
