/**
 * An org as lists and timelines show it: with its parent, so two "研发中心团支部" can be told
 * apart ("东风智造集团 › 研发中心团支部").
 */
export const ORG_SEPARATOR = ' › '

export function withParent(name: string, parentName?: string | null): string {
  return parentName ? `${parentName}${ORG_SEPARATOR}${name}` : name
}
