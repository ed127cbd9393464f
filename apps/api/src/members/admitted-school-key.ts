import { schoolNameKey } from '@xianjie/rules';

/** The stored key's column length (destination_reports.organisation_key). */
export const ADMITTED_SCHOOL_KEY_LENGTH = 200;

/**
 * The admitted school's name as a key (`schoolNameKey`, libs/rules) for
 * destination_reports.organisation_key, so a school's new-students org finds the graduates who
 * named it by an index lookup instead of reading every further-study report in the country.
 * Only further-study reports carry one; a name too short to name a school has none. A key longer
 * than the column is cut: the lookup narrows, `namesSchool` still decides.
 *
 * Written on every save and by the migration that added the column (1765001600000). If
 * `schoolNameKey` ever changes, a new migration must recompute the stored keys with it.
 */
export function admittedSchoolKey(destination: string, organisationName: string | null | undefined): string | null {
  if (destination !== 'further-study' || !organisationName) return null;
  return schoolLookupKey(organisationName);
}

/** The key a school's league org is looked up by: the same reduction, cut to the column. */
export function schoolLookupKey(name: string): string | null {
  const key = schoolNameKey(name);
  return key.length >= 2 ? key.slice(0, ADMITTED_SCHOOL_KEY_LENGTH) : null;
}
