import { ID_NUMBER_LENGTH, NAME_MAX, PASSWORD_MAX, type ChangePasswordBody, type ForgotPasswordBody, type LoginBody, type WechatBindBody } from '@xianjie/contract';
import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';
import { trimString } from '../common/validation';

export class LoginDto implements LoginBody {
  @IsString({ message: '请输入身份证号' })
  @Length(ID_NUMBER_LENGTH, ID_NUMBER_LENGTH, { message: '身份证号应为 18 位' })
  idNumber!: string;

  @IsString({ message: '请输入密码' })
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(PASSWORD_MAX, { message: '密码过长' })
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordBody {
  @IsString({ message: '请输入原密码' })
  @MinLength(1, { message: '请输入原密码' })
  @MaxLength(PASSWORD_MAX, { message: '密码过长' })
  oldPassword!: string;

  @IsString({ message: '请输入新密码' })
  @MaxLength(PASSWORD_MAX, { message: `新密码长度应为 8–${PASSWORD_MAX} 位` })
  newPassword!: string;
}

export class WechatBindDto implements WechatBindBody {
  @IsString({ message: '缺少微信登录凭证' })
  @Length(8, 128, { message: '微信登录凭证格式不正确' })
  code!: string;
}

export class ForgotPasswordDto implements ForgotPasswordBody {
  @IsString({ message: '请输入身份证号' })
  @Length(ID_NUMBER_LENGTH, ID_NUMBER_LENGTH, { message: '身份证号应为 18 位' })
  idNumber!: string;

  @Transform(trimString)
  @IsString({ message: '请输入本人姓名' })
  @MinLength(1, { message: '请输入本人姓名' })
  @MaxLength(NAME_MAX, { message: '姓名过长' })
  name!: string;
}
