import { EntityManager } from 'typeorm';
import { anchorCohort } from '../members/cohort-anchor';

/**
 * June 1 of the graduation year: members of that year become graduates (毕业生团员), counted
 * from the branch their cohort is anchored at — never from where a transfer has since taken
 * them. Set-based; a second run is a no-op.
 */
export function flipGraduates(em: EntityManager, now: Date): Promise<number> {
  return anchorCohort(em, null, now);
}
