/**
 * 录取学校名称比对: a further-study graduate types the admitted school's name ("楚天大学",
 * "楚天大学 ", "楚天大学（研究生院）"?); the school's league org is named after it ("楚天大学团委",
 * "共青团楚天大学委员会"). Both reduce to one key: full-width folded (NFKC), spaces and
 * punctuation dropped, the league's own prefix and suffixes cut. Equal keys name the same school.
 */
const LEAGUE_PREFIX = /^(中国)?共青团/;
const LEAGUE_SUFFIXES = /(团委员会|委员会|团工委|团总支|团委)$/;
const NOISE = /[\s\p{P}\p{S}]/gu;

export function schoolNameKey(name: string): string {
  let key = String(name).normalize('NFKC').replace(NOISE, '');
  key = key.replace(LEAGUE_PREFIX, '');
  key = key.replace(LEAGUE_SUFFIXES, '');
  return key;
}

/** Whether a typed admitted-school name names the school whose league org is called `orgName`. */
export function namesSchool(typed: string, orgName: string): boolean {
  const a = schoolNameKey(typed);
  return a.length >= 2 && a === schoolNameKey(orgName);
}
