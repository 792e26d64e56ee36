import { ArgsType, Field } from '@nestjs/graphql';
import { IsMunicipalityCode } from '../../../common/validators';

@ArgsType()
export class MunicipalityCodeArgs {
  @Field({ description: '全国地方公共団体コード' })
  @IsMunicipalityCode()
  code: string;
}
