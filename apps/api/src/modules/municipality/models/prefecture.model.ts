import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: '都道府県 (JIS code 01–47)' })
export class Prefecture {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field()
  nameEn: string;

  @Field()
  kana: string;

  @Field({ description: 'Region code, e.g. KANTO, KYUSHU_OKINAWA' })
  region: string;
}
