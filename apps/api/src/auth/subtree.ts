/**
 * Whether an org lies inside a subtree: the one test, wherever the API asks it in memory.
 * Orgs carry materialised paths ('/hubei/chutian/cs/'), so an org is inside a subtree exactly
 * when its path begins with the subtree root's path — the root itself included. Every path ends
 * with '/', which keeps '/hubei/cs1/' out of '/hubei/cs/'. (In SQL the same test is
 * `path LIKE likePrefix(root)`, or `underAny` for several roots: common/sql.ts.)
 */
export function isWithin(path: string, root: string): boolean {
  return path.startsWith(root);
}

/** Inside any of these subtrees; an unknown path (an org that does not exist) is inside none. */
export function isWithinAny(path: string | undefined, roots: readonly string[]): boolean {
  return path !== undefined && roots.some((root) => isWithin(path, root));
}
