import { ensureBundles } from './bundles';

/** One build of dist/functions for all infra specs (skipped when the bundles are newer than every source). */
export default function globalSetup(): void {
  ensureBundles();
}
