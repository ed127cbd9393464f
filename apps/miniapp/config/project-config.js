#!/usr/bin/env node
/**
 * Writes project.config.json (what WeChat DevTools and the upload read) from
 * project.config.template.json and the AppID in `TARO_APP_APPID` — taken from the environment,
 * else from `.env.<mode>.local`, `.env.<mode>`, `.env` (Taro's own order). The AppID is per
 * deployment (each school registers its own mini program), so it is never committed; without one
 * the file says `touristappid` (DevTools' tourist mode: builds and previews, cannot upload).
 *
 *   node config/project-config.js [--mode production|development]
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const modeAt = process.argv.indexOf('--mode')
const mode = modeAt > 0 ? process.argv[modeAt + 1] : process.env.NODE_ENV === 'development' ? 'development' : 'production'

/** KEY=value lines of a dotenv file (quotes stripped); nothing when the file is absent. */
function readEnvFile(file) {
  if (!existsSync(file)) return {}
  const out = {}
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line)
    if (m) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return out
}

function appId() {
  if (process.env.TARO_APP_APPID) return process.env.TARO_APP_APPID
  for (const name of [`.env.${mode}.local`, `.env.${mode}`, '.env']) {
    const v = readEnvFile(join(root, name)).TARO_APP_APPID
    if (v) return v
  }
  return ''
}

const id = appId().trim()
if (id && !/^wx[0-9a-f]{16}$/.test(id)) {
  console.error(`project-config: TARO_APP_APPID "${id}" is not a mini program AppID (wx + 16 hex digits)`)
  process.exit(1)
}
const template = JSON.parse(readFileSync(join(root, 'project.config.template.json'), 'utf8'))
writeFileSync(join(root, 'project.config.json'), `${JSON.stringify({ ...template, appid: id || 'touristappid' }, null, 2)}\n`)
if (!id) console.warn('project-config: TARO_APP_APPID is not set — project.config.json uses touristappid (cannot upload)')
