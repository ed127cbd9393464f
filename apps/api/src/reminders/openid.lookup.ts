import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { OpenidLookup } from './notifier';

/**
 * The default lookup: `people.wechat_openid` (migration PeopleWechatOpenid). The Person entity
 * does not map the column yet, so it is read by name here; a WeChat login binding fills it.
 */
@Injectable()
export class PeopleOpenidLookup extends OpenidLookup {
  constructor(private readonly db: Database) {
    super();
  }

  async openidFor(personId: string): Promise<string | null> {
    const row: { openid: string | null } | undefined = await this.db.manager
      .createQueryBuilder()
      .select('p.wechat_openid', 'openid')
      .from('people', 'p')
      .where('p.id = :id', { id: personId })
      .getRawOne();
    return row?.openid || null;
  }
}
