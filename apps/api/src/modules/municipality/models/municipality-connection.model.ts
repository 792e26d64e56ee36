import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Municipality } from './municipality.model';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class MunicipalityEdge {
  @Field()
  cursor: string;

  @Field(() => Municipality)
  node: Municipality;
}

@ObjectType()
export class MunicipalityConnection {
  @Field(() => [MunicipalityEdge])
  edges: MunicipalityEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType({ description: 'Counts for the home page' })
export class NetworkStats {
  @Field(() => Int)
  memberCount: number;

  @Field(() => Int)
  applicantCount: number;

  @Field(() => Int)
  declarationCount: number;

  @Field(() => Int)
  prefectureCount: number;
}
