import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { ARTIFACTS, CHROMIUM, REPO_ROOT } from './support/paths'

/**
 * Before any journey: Chromium and a Chinese font must be there (CI installs `chromium
 * fonts-wqy-zenhei` from apt), and the rules library, the API and the H5 app are built if stale
 * — by scripts/build-if-stale.js, as `npm start` does.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `miniapp-e2e: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium fonts-wqy-zenhei\` ` +
        '(or point CHROMIUM_PATH at one). The browser journeys do not skip themselves.',
    )
  }
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  if (fonts.status === 0 && !fonts.stdout.trim()) {
    throw new Error('miniapp-e2e: no Chinese font installed (`apt-get install -y fonts-wqy-zenhei`): every screen would show boxes.')
  }
  // This run's screenshots only.
  rmSync(ARTIFACTS, { recursive: true, force: true })
  mkdirSync(ARTIFACTS, { recursive: true })
  // In a child process: the builder exits the process when a build fails. Without jest's
  // NODE_ENV=test, which would make Taro build a test-mode (unsplit, 2 MB) H5 app that
  // `npm start` would then serve as if it were the production one.
  const { NODE_ENV: _jestMode, ...rest } = process.env
  const env = rest as NodeJS.ProcessEnv
  const build = spawnSync(
    process.execPath,
    ['-e', "const b = require('./scripts/build-if-stale'); b.buildIfStale(b.RULES); b.buildIfStale(b.API); b.buildIfStale(b.H5)"],
    { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  // webpack's progress bars would flood the test report: say what was built, and all of it on failure.
  const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
  for (const line of output.split('\n')) if (/^building /.test(line)) process.stderr.write(`miniapp-e2e: ${line}\n`)
  if (build.status !== 0) {
    throw new Error(`miniapp-e2e: building the rules library, the API or the H5 app failed:\n${output.slice(-6000)}`)
  }
  for (const built of ['apps/api/dist/main.js', 'apps/miniapp/dist/h5/index.html']) {
    if (!existsSync(`${REPO_ROOT}/${built}`)) throw new Error(`miniapp-e2e: ${built} is missing after the build`)
  }
}
