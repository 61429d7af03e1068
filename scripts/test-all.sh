#!/usr/bin/env bash
# The one test command (npm test): unit, integration (PGlite always; PostgreSQL too when TEST_DATABASE_URL
# is set), production build, the standalone server's smoke test, then Playwright e2e against `next start`.
# Ends with "N passed, N failed".
set -uo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/unit.json reports/integration.json reports/standalone-smoke.json reports/e2e.json

status=0
run() {
  echo "::: $*"
  "$@" || status=1
}

run npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=reports/unit.json
run npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=reports/integration.json
if [ "${SKIP_E2E:-0}" != "1" ]; then
  # One build serves both: the standalone folder for the container's smoke test, .next for `next start`.
  if run env NEXT_OUTPUT=standalone npx next build; then
    run node scripts/standalone-smoke.mjs
    run npx playwright test
  else
    echo "::: next build failed; e2e not run"
  fi
fi

node scripts/test-summary.mjs reports/unit.json reports/integration.json $([ "${SKIP_E2E:-0}" != "1" ] && echo reports/standalone-smoke.json reports/e2e.json) || status=1
exit $status
