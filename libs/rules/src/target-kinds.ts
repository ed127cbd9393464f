import type { TargetKind } from './types';

/** Every TargetKind, for validating input that names one (e.g. the receiver picker's `fits`). */
export const TARGET_KINDS: readonly TargetKind[] = [
  'employer-org', 'dispatching-unit-org', 'admitted-school-org', 'township-org', 'special-unit-library',
  'school-floating-branch', 'school-abroad-branch', 'school-delayed-branch', 'school-rejoined-class-branch', 'none',
];
