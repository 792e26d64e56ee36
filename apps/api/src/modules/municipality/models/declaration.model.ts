import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: '共同宣言: a member municipality’s signed commitment' })
export class Declaration {
  @Field(() => ID)
  id: string;

  /** Resolved into `municipality` through a DataLoader. */
  municipalityId: string;

  @Field()
  signerName: string;

  @Field()
  signerTitle: string;

  @Field()
  statement: string;

  @Field()
  signedAt: Date;
}
