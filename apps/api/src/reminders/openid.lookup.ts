import { Injectable } from '@nestjs/common';
import { Person } from '../auth/person.entity';
import { Database } from '../database/database.service';
import { OpenidLookup } from './notifier';

/** The default lookup: the openid a WeChat login bound to the account (`POST /auth/wechat-bind`). */
@Injectable()
export class PeopleOpenidLookup extends OpenidLookup {
  constructor(private readonly db: Database) {
    super();
  }

  async openidFor(personId: string): Promise<string | null> {
    const person = await this.db.manager.findOne(Person, { where: { id: personId }, select: { id: true, wechatOpenid: true } });
    return person?.wechatOpenid || null;
  }
}
