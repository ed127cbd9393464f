import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class EscalateDto {
  /** What the school told the next level, for the history. */
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '说明不超过 200 字' })
  comment?: string;
}

export class RetainPendingDto {
  /** The last day (Beijing) the school keeps the member while the township question is open. */
  @IsString({ message: '请选择保留到哪一天' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  until!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '说明不超过 200 字' })
  comment?: string;
}
