/**
 * An org as lists and timelines show it: with its parent, so two "研发中心团支部" can be told
 * apart ("东风智造集团 › 研发中心团支部").
 */
export const ORG_SEPARATOR = ' › '

export function withParent(name: string, parentName?: string | null): string {
  return parentName ? `${parentName}${ORG_SEPARATOR}${name}` : name
}

/** How many levels of an org chain a card shows: school (or employer) › college › branch. */
const PATH_LEVELS = 3

/** An org chain (root first) as one line, its last levels only: "楚天大学团委 › 计算机学院团委 › 计算机2201班团支部". */
export function pathLabel(names: string[], levels = PATH_LEVELS): string {
  return names.slice(-levels).join(ORG_SEPARATOR)
}
