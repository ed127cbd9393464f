import { TOTAL_COUNT_HEADER } from '@xianjie/contract';
import type { FastifyReply } from 'fastify';

/** One page of a list as a service answers it: the rows, and how many the whole list holds. */
export interface RowsPage<T> {
  rows: T[];
  total: number;
}

/** The contract's paged answer (libs/contract paging): the page's rows as the body, the total in `X-Total-Count`. */
export function sendPage<T>(reply: FastifyReply, page: RowsPage<T>): T[] {
  void reply.header(TOTAL_COUNT_HEADER, String(page.total));
  return page.rows;
}
