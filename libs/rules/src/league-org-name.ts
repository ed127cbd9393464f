/**
 * 接收组织全称, typed for a cross-system transfer (北京、广东、福建 run their own systems): the other
 * system finds the member's receiver by this name, so it must read as a league org's official name —
 * a league body at its end (…委员会, …团委, …团工委, …团总支, …团支部) and whose it is before that
 * (共青团北京大学委员会, 北京星河科技有限公司团委). Anything else ("abc", "公司", "北京的单位") is refused
 * with what to type instead.
 */
const LEAGUE_BODY = /(委员会|团委|工委|团总支|总支|团支部|支部)$/;
const MIN_CHARS = 6;
const HAN = /\p{Script=Han}/gu;

export const LEAGUE_ORG_NAME_EXAMPLE = '如“共青团北京大学委员会”“北京星河科技有限公司团委”';

/** Why a typed receiver name is not a league org's full official name, or null when it reads as one. */
export function leagueOrgNameProblem(typed: string): string | null {
  const name = String(typed).normalize('NFKC').replace(/\s+/g, '');
  if ((name.match(HAN) ?? []).length < MIN_CHARS) {
    return `请填写接收团组织的完整官方名称（至少 ${MIN_CHARS} 个汉字），${LEAGUE_ORG_NAME_EXAMPLE}。`;
  }
  if (!LEAGUE_BODY.test(name)) {
    return `接收组织的全称应以“团委”“团工委”“团总支”“团支部”或“委员会”结尾，${LEAGUE_ORG_NAME_EXAMPLE}。`;
  }
  return null;
}
