#!/usr/bin/env bash
# npm run demo: build if there is no production build yet, then walk the steward flow and save screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .next/BUILD_ID ]; then
  echo "No production build yet: running next build"
  npx next build
fi
npx playwright test -c playwright.demo.config.ts
echo "Screenshots saved in docs/screenshots/"
