/**
 * LIKE patterns with the text taken literally. The escape character is '!', not a backslash:
 * MySQL reads a backslash inside a string literal as an escape, PostgreSQL and SQLite do not.
 * Always write `col LIKE :p ESCAPE '!'` (LIKE_ESCAPE) with these.
 */
const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `!${c}`);
export const likeContains = (text: string): string => `%${escapeLike(text)}%`;
export const likePrefix = (text: string): string => `${escapeLike(text)}%`;
export const LIKE_ESCAPE = "ESCAPE '!'";

/** `alias.path` lies under any of these subtree paths; an empty list matches nothing. */
export function underAny(column: string, paths: string[], param = 'scope'): { sql: string; params: Record<string, string> } {
  if (paths.length === 0) return { sql: '1 = 0', params: {} };
  const params: Record<string, string> = {};
  const parts = paths.map((p, i) => {
    params[`${param}${i}`] = likePrefix(p);
    return `${column} LIKE :${param}${i} ${LIKE_ESCAPE}`;
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** How many values one `IN (…)` carries: far inside every driver's parameter limit. */
export const IN_LIST_MAX = 500;

/** `list` in runs of at most `size`, for `IN (…)` lists and batched writes; never an empty run. */
export function inChunks<T>(list: readonly T[], size = IN_LIST_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A boolean column read through getRawMany: PostgreSQL gives true/false, SQLite and MySQL 1/0. */
export const rawBool = (value: unknown): boolean => value === true || Number(value) === 1;
