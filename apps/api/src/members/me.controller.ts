import { Body, Controller, Get, Put } from '@nestjs/common';
import type { Me, PhoneBody } from '@xianjie/contract';
import { maskIdNumber } from '@xianjie/rules';
import { Actor, AllowPendingPassword, CurrentActor, grantViews } from '../auth/actor';
import { PhoneDto } from './dto';
import { MembersService } from './members.service';
import { AbroadReportsService } from '../retention/abroad-reports.service';
import { Doc } from '../common/doc';

@Controller('me')
export class MeController {
  constructor(
    private readonly members: MembersService,
    private readonly abroad: AbroadReportsService,
  ) {}

  /** The caller's own profile: the one place their own phone appears unmasked. */
  @Doc({ summary: '本人资料', description: '本人的姓名、身份证号（脱敏）、手机号（唯一不脱敏之处）、角色与所在团支部；保留在学校的出国(境)学习研究团员另有定期报告的状态（其他人为 null）。', response: 'Me' })
  @AllowPendingPassword()
  @Get()
  async me(@CurrentActor() actor: Actor): Promise<Me> {
    return {
      id: actor.id,
      name: actor.name,
      idNumberMasked: maskIdNumber(actor.idNumber),
      phone: actor.phone,
      mustChangePassword: actor.mustChangePassword,
      roles: grantViews(actor),
      member: await this.members.profile(actor),
      abroadReport: await this.abroad.stateOf(actor.id),
    };
  }

  /** One person, one number: a new mobile must not belong to anyone else. */
  @Doc({ summary: '修改本人手机号', description: '一人一号：新号码不能已属于他人（409）。每人每小时最多修改 10 次（429）。', response: 'PhoneBody', errors: [409, 429] })
  @Put('phone')
  async changePhone(@CurrentActor() actor: Actor, @Body() dto: PhoneDto): Promise<PhoneBody> {
    await this.members.changePhone(actor, dto.phone);
    return { phone: dto.phone };
  }
}
