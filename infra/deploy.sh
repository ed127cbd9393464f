#!/usr/bin/env bash
# Deploys 衔接 to Tencent CloudBase: builds the function bundles, brings the database schema up to
# date ONCE, then deploys the API, the hourly sweep and its timer. See infra/README.md.
#
#   infra/deploy.sh [--migrate-in-cloud] [--seed-demo] [--skip-migrate] [--dry-run]
#
#   --migrate-in-cloud  run the migrations as the one-off function xianjie-migrate inside the VPC
#                       (when this machine cannot reach the database's private address)
#   --seed-demo         load the demo data set into an EMPTY database (a trial environment only)
#   --skip-migrate      the schema is known to be current (a redeploy of unchanged migrations)
#   --dry-run           build, stage and check the configuration, print the cloud commands, change nothing
#
# Needs: Node.js 20 (the runtime's version: http.js.cache is only used by the same V8), the repo's
# `npm ci`, the CloudBase CLI (`npm i -g @cloudbase/cli`, then `tcb login`), infra/.env.local.
set -euo pipefail
cd "$(dirname "$0")/.."

MIGRATE=local
SEED=""
DRY=""
for arg in "$@"; do
  case "$arg" in
    --migrate-in-cloud) MIGRATE=cloud ;;
    --skip-migrate) MIGRATE=skip ;;
    --seed-demo) SEED=1 ;;
    --dry-run) DRY=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*"; }
fail() { echo "deploy: $*" >&2; exit 1; }
# A dry run prints the commands, with any password in a URL masked.
run() { if [ -n "$DRY" ]; then echo "(dry run) $*" | sed -E 's#//([^:/@]+):[^@]*@#//\1:***@#g'; else "$@"; fi; }

# XJ_DEPLOY_ENV_FILE: another file for a --dry-run (the CLI itself always reads infra/.env.local).
ENV_FILE=${XJ_DEPLOY_ENV_FILE:-infra/.env.local}
say "configuration ($ENV_FILE)"
[ -f "$ENV_FILE" ] || fail "$ENV_FILE is missing: copy infra/env.example to infra/.env.local and fill it in"
[ -n "$DRY" ] || [ "$ENV_FILE" = infra/.env.local ] || fail "a real deploy reads infra/.env.local (XJ_DEPLOY_ENV_FILE is for --dry-run)"
set -a
# shellcheck disable=SC1090
. "$ENV_FILE"
set +a
# Every {{env.NAME}} of cloudbaserc.json must be defined (optional ones may be empty).
for name in $(grep -o '{{env\.[A-Z0-9_]*}}' infra/cloudbaserc.json | sed 's/{{env\.\(.*\)}}/\1/' | sort -u); do
  grep -q "^${name}=" "$ENV_FILE" || fail "$name is not set in $ENV_FILE (see infra/env.example)"
done
for name in TCB_ENV_ID DATABASE_URL XJ_TOKEN_SECRET XJ_PUBLIC_URL XJ_VPC_ID XJ_SUBNET_ID; do
  [ -n "${!name:-}" ] || fail "$name must not be empty in $ENV_FILE"
done
[ "${#XJ_TOKEN_SECRET}" -ge 32 ] || fail "XJ_TOKEN_SECRET must be at least 32 characters (openssl rand -hex 32)"
case "$DATABASE_URL" in
  postgres://*|postgresql://*|mysql://*|mariadb://*) ;;
  *) fail "DATABASE_URL must be a TencentDB PostgreSQL or MySQL URL (postgres://… or mysql://…)" ;;
esac
case "$(node -p 'process.versions.node.split(".")[0]')" in
  20) ;;
  *) echo "warning: Node $(node -v) here, Nodejs20 in the cloud: http.js.cache will be ignored there (slower cold starts, same behaviour)" >&2 ;;
esac
echo "environment $TCB_ENV_ID, database $(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//***@#')"

say "build: dist/functions"
# A dry run reuses fresh bundles; a real deploy always builds from the sources it ships.
npm run --silent build:functions -- ${DRY:+--if-stale}

say "stage: dist/cloudbase/<function>"
node infra/stage.js

if [ -z "$DRY" ]; then
  command -v tcb >/dev/null 2>&1 || fail "the CloudBase CLI is not installed: npm i -g @cloudbase/cli && tcb login"
fi
# The CLI runs in infra/: it finds cloudbaserc.json and .env.local there (its {{env.NAME}} values),
# and functionRoot (../dist/cloudbase) means the same whether read from the file or from here.
tcb_here() {
  if [ -n "$DRY" ]; then echo "(dry run) (cd infra && tcb $* -e $TCB_ENV_ID)"; else (cd infra && tcb "$@" -e "$TCB_ENV_ID"); fi
}

say "migrations (once, before the new code goes live)"
case "$MIGRATE" in
  local)
    # Needs this machine to reach DATABASE_URL (a public address, a VPN, or a machine in the VPC).
    run node dist/functions/migrate.js ${SEED:+--seed-demo}
    # The database is reachable: let the API's code cache include its driver (read-only requests).
    run node scripts/build-functions.js --code-cache-only --train-database "$DATABASE_URL" ||
      echo "warning: the code cache was not retrained (the API works the same, its cold starts are slower)" >&2
    run node infra/stage.js
    ;;
  cloud)
    seed_json=false
    [ -n "$SEED" ] && seed_json=true
    tcb_here fn deploy xianjie-migrate --force
    out=$(tcb_here fn invoke xianjie-migrate --params "{\"seedDemo\": $seed_json}")
    echo "$out"
    if [ -z "$DRY" ] && ! grep -Eq '"?ok"?[[:space:]]*:[[:space:]]*true' <<<"$out"; then fail "xianjie-migrate did not report ok; the API was NOT deployed"; fi
    ;;
  skip)
    echo "skipped (--skip-migrate)"
    ;;
esac

say "deploy: xianjie-api (HTTP access at /api) and xianjie-sweep (hourly timer)"
tcb_here fn deploy xianjie-api --force --path /api
tcb_here fn deploy xianjie-sweep --force

say "check: the API starts in the cloud, with its code cache"
# "codeCache": "used" is the fast cold start; "rejected" means this machine's Node/V8 differs from
# the runtime's (build on Node 20); either way the API works.
tcb_here fn invoke xianjie-api --params '{"xianjie": "status"}'

say "done"
echo "Check: curl -s $XJ_PUBLIC_URL/api/v1/health   → {\"status\":\"ok\"}"
