import { LIKE_ESCAPE, likePrefix } from '../common/sql';

/**
 * Whether an org lies inside a subtree: the one test, wherever the API asks it — in memory
 * here, in SQL with `subtreeWhere` below (`underAny`, common/sql.ts, for several roots).
 * Orgs carry materialised paths ('/hubei/chutian/cs/'), so an org is inside a subtree exactly
 * when its path begins with the subtree root's path — the root itself included. Every path
 * ends with '/', which keeps '/hubei/cs1/' out of '/hubei/cs/'.
 */
export function isWithin(path: string, root: string): boolean {
  return path.startsWith(root);
}

/** Inside any of these subtrees; an unknown path (an org that does not exist) is inside none. */
export function isWithinAny(path: string | undefined, roots: readonly string[]): boolean {
  return path !== undefined && roots.some((root) => isWithin(path, root));
}

/**
 * The same test in SQL, as `where(...)` arguments: `column` (an org path) lies inside the subtree
 * at `root`. LIKE with the root's path taken literally (common/sql.ts escapes it).
 */
export function subtreeWhere(column: string, root: string, param = 'p'): [string, Record<string, string>] {
  return [`${column} LIKE :${param} ${LIKE_ESCAPE}`, { [param]: likePrefix(root) }];
}
