#!/bin/sh
# The image's entry point: one image, several roles.
#   api     the HTTP API, serving the built web app (default)
#   worker  the job processors without HTTP (scale out: run several)
#   setup   apply migrations, then load the seeds (idempotent; run once per release)
#   migrate | seed   one of the two
set -e
cd /app
role="${1:-api}"
[ "$#" -gt 0 ] && shift
case "$role" in
  api) exec node -r ./tools/register-paths.cjs dist/server/apps/api/src/main.js "$@" ;;
  worker) exec node -r ./tools/register-paths.cjs dist/server/apps/worker/src/main.js "$@" ;;
  setup)
    node -r ./tools/register-paths.cjs dist/server/apps/api/src/cli.js migrate
    exec node -r ./tools/register-paths.cjs dist/server/apps/api/src/cli.js seed
    ;;
  migrate | seed) exec node -r ./tools/register-paths.cjs dist/server/apps/api/src/cli.js "$role" "$@" ;;
  *) exec "$role" "$@" ;;
esac
