import { IsString, Length, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @IsString({ message: '请输入身份证号' })
  @Length(18, 18, { message: '身份证号应为 18 位' })
  idNumber!: string;

  @IsString({ message: '请输入密码' })
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(64, { message: '密码过长' })
  password!: string;
}

export class ChangePasswordDto {
  @IsString({ message: '请输入原密码' })
  @MinLength(1, { message: '请输入原密码' })
  @MaxLength(64, { message: '密码过长' })
  oldPassword!: string;

  @IsString({ message: '请输入新密码' })
  @MaxLength(64, { message: '新密码长度应为 8–64 位' })
  newPassword!: string;
}

export class WechatBindDto {
  @IsString({ message: '缺少微信登录凭证' })
  @Length(8, 128, { message: '微信登录凭证格式不正确' })
  code!: string;
}

export class ForgotPasswordDto {
  @IsString({ message: '请输入身份证号' })
  @Length(18, 18, { message: '身份证号应为 18 位' })
  idNumber!: string;
}
