import { Body, Controller, Get, Put } from '@nestjs/common';
import type { Me, PhoneBody } from '@xianjie/contract';
import { maskIdNumber } from '@xianjie/rules';
import { Actor, AllowPendingPassword, CurrentActor } from '../auth/actor';
import { PhoneDto } from './dto';
import { MembersService } from './members.service';

@Controller('me')
export class MeController {
  constructor(private readonly members: MembersService) {}

  /** The caller's own profile: the one place their own phone appears unmasked. */
  @AllowPendingPassword()
  @Get()
  async me(@CurrentActor() actor: Actor): Promise<Me> {
    return {
      id: actor.id,
      name: actor.name,
      idNumberMasked: maskIdNumber(actor.idNumber),
      phone: actor.phone,
      mustChangePassword: actor.mustChangePassword,
      roles: actor.grants.map(({ role, orgId, orgName }) => ({ role, orgId, orgName })),
      member: await this.members.profile(actor),
    };
  }

  /** One person, one number: a new mobile must not belong to anyone else. */
  @Put('phone')
  async changePhone(@CurrentActor() actor: Actor, @Body() dto: PhoneDto): Promise<PhoneBody> {
    await this.members.changePhone(actor, dto.phone);
    return { phone: dto.phone };
  }
}
