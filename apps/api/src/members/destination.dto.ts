import { DESTINATION_TEXT_MAX, DESTINATION_TOWNSHIP_MAX, type DestinationReportBody } from '@xianjie/contract';
import { DESTINATION_DETAILS, DESTINATIONS, type Destination, type DestinationDetail } from '@xianjie/rules';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class DestinationReportDto implements DestinationReportBody {
  @IsIn(DESTINATIONS as readonly string[], { message: '请选择毕业去向' })
  destination!: Destination;

  /** civil-servant (with employed) or postgraduate (with further-study): they get the later deadline. */
  @IsOptional()
  @IsIn(DESTINATION_DETAILS as readonly string[], { message: '去向细分应为 civil-servant（公务员）或 postgraduate（研究生）' })
  destinationDetail?: DestinationDetail;

  @IsOptional() @IsString() @MaxLength(DESTINATION_TEXT_MAX, { message: `单位或学校名称不超过 ${DESTINATION_TEXT_MAX} 字` })
  organisationName?: string;

  @IsOptional() @IsString() @MaxLength(DESTINATION_TEXT_MAX, { message: `地址不超过 ${DESTINATION_TEXT_MAX} 字` })
  organisationAddress?: string;

  @IsOptional() @IsString() @MaxLength(DESTINATION_TOWNSHIP_MAX, { message: `乡镇街道不超过 ${DESTINATION_TOWNSHIP_MAX} 字` })
  organisationTownship?: string;

  @IsOptional() @IsString() @MaxLength(DESTINATION_TEXT_MAX, { message: `户籍所在地不超过 ${DESTINATION_TEXT_MAX} 字` })
  householdRegistration?: string;

  @IsOptional() @IsString() @MaxLength(DESTINATION_TEXT_MAX, { message: `现居住地不超过 ${DESTINATION_TEXT_MAX} 字` })
  residence?: string;
}
