/**
 * The org picker searches a name anywhere in an org's name (`name LIKE '%关山%'`), nationwide, as
 * the graduate types. No btree serves a leading wildcard, and PostgreSQL's trigram index (pg_trgm)
 * has no trigram for a two-character search — the usual one, as a pinyin IME commits a word of
 * two characters and the typing pauses. So on PostgreSQL each org's name is indexed by the set of
 * its two-character pieces (bigrams; migration 1765001800000, a GIN index on `xj_name_bigrams(name)`):
 * a name containing the search contains every bigram of it, so `xj_name_bigrams(name) @> <the
 * search's bigrams>` finds the candidates from the index and the LIKE keeps its exact meaning.
 * Characters are code points on both sides (PostgreSQL's substr on UTF-8, JavaScript's string
 * iterator), with no folding: LIKE does none either.
 */
export const NAME_BIGRAMS = 'xj_name_bigrams';

/** The distinct two-character pieces of a text (none for a text shorter than two). */
export function nameBigrams(text: string): string[] {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}
