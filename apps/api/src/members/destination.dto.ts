import { DESTINATION_DETAILS, DESTINATIONS } from '@xianjie/rules';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class DestinationReportDto {
  @IsIn(DESTINATIONS as readonly string[], { message: '请选择毕业去向' })
  destination!: string;

  /** civil-servant (with employed) or postgraduate (with further-study): they get the later deadline. */
  @IsOptional()
  @IsIn(DESTINATION_DETAILS as readonly string[], { message: '去向细分应为 civil-servant（公务员）或 postgraduate（研究生）' })
  destinationDetail?: string;

  @IsOptional() @IsString() @MaxLength(200, { message: '单位或学校名称不超过 200 字' })
  organisationName?: string;

  @IsOptional() @IsString() @MaxLength(200, { message: '地址不超过 200 字' })
  organisationAddress?: string;

  @IsOptional() @IsString() @MaxLength(100, { message: '乡镇街道不超过 100 字' })
  organisationTownship?: string;

  @IsOptional() @IsString() @MaxLength(200, { message: '户籍所在地不超过 200 字' })
  householdRegistration?: string;

  @IsOptional() @IsString() @MaxLength(200, { message: '现居住地不超过 200 字' })
  residence?: string;
}
