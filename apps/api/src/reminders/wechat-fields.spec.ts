import { chineseDate, fitField, reminderTemplateData } from './wechat-fields';

const len = (s: string) => Array.from(s).length;

describe('WeChat subscription field limits', () => {
  it('cuts a thing to 20 characters with an ellipsis', () => {
    const long = '请尽快登录小程序提交团组织关系转接申请否则将影响您的毕业手续办理';
    const fitted = fitField('thing4', long);
    expect(len(fitted)).toBe(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitField('thing1', '团组织关系转接')).toBe('团组织关系转接');
  });

  it('keeps a name to 10 Chinese characters, or 20 letters', () => {
    expect(fitField('name3', '李明')).toBe('李明');
    expect(fitField('name3', '阿依古丽·买买提')).toBe('阿依古丽买买提');
    expect(len(fitField('name2', '一二三四五六七八九十十一'))).toBe(10);
    expect(fitField('name2', 'Alexander Hamilton Smith')).toBe('Alexander Hamilton S');
  });

  it('applies the other types’ limits and leaves times alone', () => {
    expect(fitField('phrase1', '待办理事项')).toBe('待办理事项');
    expect(fitField('phrase1', '尚未提交申请')).toBe('尚未提交申');
    expect(len(fitField('character_string2', 'x'.repeat(40)))).toBe(32);
    expect(fitField('symbol9', '!!!!!!!')).toBe('!!!!!');
    expect(fitField('phone_number5', '+86 138 2700 0001 ext 9')).toHaveLength(17);
    expect(fitField('time2', '2026年8月31日')).toBe('2026年8月31日');
  });

  it('fills the reminder template within the limits', () => {
    const data = reminderTemplateData({ name: '欧阳娜娜娜娜娜娜娜娜娜', deadline: '2026-08-31', days: 14 });
    expect(Object.keys(data)).toEqual(['thing1', 'time2', 'name3', 'thing4']);
    expect(data.time2.value).toBe('2026年8月31日');
    expect(len(data.name3.value)).toBe(10);
    expect(len(data.thing4.value)).toBeLessThanOrEqual(20);
    expect(chineseDate('2026-07-05T00:00:00Z')).toBe('2026年7月5日');
  });
});
