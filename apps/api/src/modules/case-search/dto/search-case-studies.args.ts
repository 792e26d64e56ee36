import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CASE_SORTS, MAX_QUERY_LENGTH, type CaseSort } from '@yokoten/case-studies';
import { CaseStudySortEnum } from '../models/case-study-search-result.model';
import { CaseStudyFilter } from './case-study-filter.input';

export const MAX_PAGE_SIZE = 50;
/** Deeper than anyone pages; keeps offset × size within the index's maxTotalHits. */
export const MAX_PAGE = 1000;

@ArgsType()
export class SearchCaseStudiesArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Words in Japanese or English; empty lists every case (filtered, sorted). Width and kana insensitive',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_LENGTH)
  query?: string | null;

  @Field(() => CaseStudyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseStudyFilter)
  filter?: CaseStudyFilter | null;

  @Field(() => CaseStudySortEnum, { nullable: true, defaultValue: 'RELEVANCE' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: '1-based' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: `1–${MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number | null;
}

export const MAX_SIMILAR = 20;

@ArgsType()
export class SimilarCaseStudiesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be the id of a case study' })
  id: string;

  @Field(() => Int, { nullable: true, defaultValue: 5, description: `1–${MAX_SIMILAR}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SIMILAR)
  limit?: number | null;
}
