import { join } from 'node:path'

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** Screenshots of every screen, at 375×812 (git-ignored). */
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'e2e')
