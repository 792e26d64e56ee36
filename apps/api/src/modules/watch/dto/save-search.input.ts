import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_QUERY_LENGTH } from '@yokoten/case-studies';
import { CaseStudyFilter } from '../../case-search/dto/case-study-filter.input';
import { NestedInput } from '../../../common/validators';

/** 「この条件を保存」: the search page's words and filters, with a name the user sees in their list. */
@InputType()
export class SaveSearchInput {
  @Field({ description: 'A name for the list and the digest mail (1–100 characters)' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true, description: 'The words of the search ("" or null: filters only)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_LENGTH)
  query?: string | null;

  @NestedInput(() => CaseStudyFilter, { optional: true })
  filter?: CaseStudyFilter | null;
}

/** The id of a saved search of the caller. */
@ArgsType()
export class SavedSearchIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a saved search' })
  id: string;
}

@ArgsType()
export class SetHelpfulArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a case study' })
  id: string;

  @Field({ description: 'true: 参考になった; false: take it back' })
  @IsBoolean()
  helpful: boolean;
}

@ArgsType()
export class SetDigestArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a saved search' })
  id: string;

  @Field({ description: 'Weekly digest mail on or off' })
  @IsBoolean()
  enabled: boolean;
}
