/**
 * The most used passwords and password stems (English and pinyin), lower case, from public
 * breach-frequency lists. A stem counts when decorated only with simple digits or symbols
 * (`Password1!`, `woaini1314`), so the list stays a few hundred words.
 */
export const COMMON_PASSWORD_STEMS: ReadonlySet<string> = new Set(
  `password passwd pass passw0rd admin administrator root user guest login welcome letmein
  qwerty qwert qwer qwe qwertyuiop asdf asdfg asdfgh asdfghjkl asd zxcv zxcvb zxcvbn zxcvbnm zxc
  qaz qazwsx qazwsxedc wsx edc rfv abc abcd abcde abcdef abcdefg abcdefgh aaa aaaa aabb abab
  iloveyou ilove love lover loveme baby babygirl princess angel sunshine shadow master dragon
  monkey football baseball basketball soccer superman batman michael jordan jennifer charlie
  hello hellokitty kitty freedom whatever trustno1 starwars secret summer winter spring autumn
  flower computer internet google apple orange banana chocolate cookie cheese pokemon naruto
  mustang ferrari killer hunter ranger tigger buster harley hockey jessica ashley daniel thomas
  andrew joshua matthew anthony nicole hannah silver golden diamond soccer pepper ginger
  test tester testing temp default changeme change system server oracle mysql linux windows
  china chinese beijing shanghai wuhan hubei zhongguo
  woaini woaini520 woaiwojia wodemima mima mimamima nihao nihaoma zhangwei wangwei lilei
  hanmeimei xiaoming laopo laogong baobao baobei qinqin aini woshishui wangyi tiantian
  zhang wang li liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo
  gongqingtuan tuanyuan tuanwei xuesheng daxue student teacher school college university
  qq qqq qqqq wx weixin wechat taobao alipay zhifubao baidu tencent huawei xiaomi
  abc123 a1b2c3 a1b2c3d4 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qaz 2wsx zaq1 zaq12wsx
  p@ssword p@ssw0rd pa55word passw0rd1 letmein1 welcome1 admin123 root123 test123`
    .split(/\s+/)
    .filter(Boolean),
);

/** Digit tails people add to a stem: sequences, repeats, years, lucky numbers. */
export function isSimpleDigits(digits: string): boolean {
  if (digits.length <= 3) return true;
  if (/^(\d)\1+$/.test(digits)) return true;
  if ('01234567890'.includes(digits) || '98765432109'.includes(digits) || '12345678901234567890'.includes(digits)) return true;
  if (/^(19[5-9]\d|20[0-3]\d)$/.test(digits)) return true;
  return ['1314', '5201314', '520520', '1314520', '6666', '8888', '168168', '147258', '147258369', '159357', '123123', '112233', '121212', '123321', '010101'].includes(digits);
}
