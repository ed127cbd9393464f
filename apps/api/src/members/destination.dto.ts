import { DESTINATIONS } from '@xianjie/rules';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class DestinationReportDto {
  @IsIn(DESTINATIONS as readonly string[], { message: '请选择毕业去向' })
  destination!: string;

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
