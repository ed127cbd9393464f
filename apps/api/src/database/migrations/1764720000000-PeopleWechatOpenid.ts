import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * A member's mini program openid, so a reminder can reach them as a WeChat subscription
 * message. Nullable until a WeChat login binds it; unique, as one openid is one person.
 */
export class PeopleWechatOpenid1764720000000 implements MigrationInterface {
  name = 'PeopleWechatOpenid1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('people', new TableColumn({ name: 'wechat_openid', type: 'varchar', length: '64', isNullable: true }));
    await q.createIndex('people', new TableIndex({ name: 'IDX_people_wechat_openid', columnNames: ['wechat_openid'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('people', 'IDX_people_wechat_openid');
    await q.dropColumn('people', 'wechat_openid');
  }
}
