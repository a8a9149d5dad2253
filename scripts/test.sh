#!/usr/bin/env bash
# The README's test command: on a fresh machine, installs the system packages
# the tests need, installs npm dependencies exactly as locked, builds, and runs
# lint, type checks, formatting checks and every test.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-test-deps.sh
npm ci
npm test
