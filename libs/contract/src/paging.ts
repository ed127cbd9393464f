/**
 * Lists that can outgrow one screen answer a plain JSON array of one page and say how many there
 * are in all in this header (so the array stays the body a simple client expects).
 */
export const TOTAL_COUNT_HEADER = 'x-total-count';

/** `?limit=&offset=` of a paged list. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

/** A page as the mini program's client hands it over: the body plus the total from the header. */
export interface Page<T> {
  items: T[];
  /** How many there are in all (`X-Total-Count`). */
  total: number;
}

/** Past any real list (20,000 members a school), still far inside every driver's integer range. */
export const MAX_OFFSET = 1_000_000;
