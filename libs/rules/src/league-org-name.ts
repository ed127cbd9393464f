/**
 * 接收组织全称, typed for a cross-system transfer (北京、广东、福建 run their own systems): the other
 * system finds the member's receiver by this name, so it must read as a league org's official name —
 * a league body at its end (…团委, …团工委, …团总支, …团支部, or 共青团…委员会) and whose it is before
 * that (共青团北京大学委员会, 北京星河科技有限公司团委). Anything else ("abc", "公司", a 党支部) is
 * refused with what to type instead.
 */
/** A league body's own ending: …团委, …团工委, …团总支, …团支部. */
const LEAGUE_BODY = /(团委|团工委|团总支|团支部)$/;
/** A committee named as the league's own: 共青团北京市委, 共青团北京大学委员会, 中国共产主义青年团…委员会. */
const LEAGUE_COMMITTEE = /^(中国)?(共青团|共产主义青年团).*(委员会|委|工委)$/;
/** The Party's bodies (党支部, 党工委, 中共…委员会): a likely slip for the employer's league org. */
const PARTY = /党|^中共/;
const MIN_CHARS = 6;
const HAN = /\p{Script=Han}/gu;

export const LEAGUE_ORG_NAME_EXAMPLE = '如“共青团北京大学委员会”“北京星河科技有限公司团委”';

/** Why a typed receiver name is not a league org's full official name, or null when it reads as one. */
export function leagueOrgNameProblem(typed: string): string | null {
  const name = String(typed).normalize('NFKC').replace(/\s+/g, '');
  if ((name.match(HAN) ?? []).length < MIN_CHARS) {
    return `请填写接收团组织的完整官方名称（至少 ${MIN_CHARS} 个汉字），${LEAGUE_ORG_NAME_EXAMPLE}。`;
  }
  if (PARTY.test(name)) return `这是党组织的名称。团组织关系转到团组织：请填写对方团委、团支部的全称，${LEAGUE_ORG_NAME_EXAMPLE}。`;
  if (!LEAGUE_BODY.test(name) && !LEAGUE_COMMITTEE.test(name)) {
    return `接收组织的全称应以“团委”“团工委”“团总支”“团支部”结尾，或是“共青团……委员会”，${LEAGUE_ORG_NAME_EXAMPLE}。`;
  }
  return null;
}
