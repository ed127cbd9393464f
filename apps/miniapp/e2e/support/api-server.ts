import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './paths'

export interface ApiServer {
  /** `http://127.0.0.1:<port>`: the H5 app at `/`, the API at `/api/v1`. */
  base: string
  stop(): Promise<void>
  /** The server's recent output, for a failure message. */
  log(): string
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * `node apps/api/dist/main.js` — what `npm start` runs — on a free port and a fresh SQLite file,
 * which it migrates and fills with the demo data. Resolves once GET /api/v1/health answers.
 */
export async function startApi(): Promise<ApiServer> {
  // freePort's port is free when asked, not when the server binds it seconds later (after migrating
  // and seeding): another process may take it in between. Then the server exits, and a new port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startApiOnce()
    } catch (e) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(e))) throw e
    }
  }
}

async function startApiOnce(): Promise<ApiServer> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const db = join(tmpdir(), `xj-e2e-${process.pid}-${randomBytes(4).toString('hex')}.db`)
  const output: string[] = []
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'apps/api/dist/main.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: `sqlite:${db}`,
      XJ_PUBLIC_URL: base,
      XJ_TOKEN_SECRET: randomBytes(32).toString('hex'),
      XJ_H5_DIR: 'apps/miniapp/dist/h5',
      XJ_SEED_DEMO: 'true',
      XJ_NOTIFIER: 'log',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let up = false
  const keep = (chunk: Buffer) => {
    if (chunk.includes('is up:')) up = true
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited: number | null = null
  const done = new Promise<void>((resolve) => child.on('exit', (code) => { exited = code ?? -1; resolve() }))

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([done, new Promise((r) => { timer = setTimeout(r, 5000) })])
      clearTimeout(timer)
      if (exited === null) {
        child.kill('SIGKILL')
        await done
      }
    }
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true })
  }
  const log = () => output.join('').replace(/\x1b\[[0-9;]*m/g, '').slice(-4000)

  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (exited !== null) {
      await stop()
      throw new Error(`the API exited (${exited}) before answering /api/v1/health:\n${log()}`)
    }
    try {
      // Only once this server says it is up: an answer on the port alone may come from another
      // journey's server that took the port first (then this one exits with EADDRINUSE).
      const res = up ? await fetch(`${base}/api/v1/health`) : null
      if (res?.ok) return { base, stop, log }
    } catch {
      /* not listening yet */
    }
    await sleep(200)
  }
  await stop()
  throw new Error(`the API did not answer /api/v1/health within 60 s:\n${log()}`)
}
