#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian). Safe to re-run:
# it installs only what is missing. Needs root or sudo for apt-get.
set -euo pipefail

packages=()
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
# Chromium for the browser tests (e2e/, driven by playwright-core), and a font
# so that screenshots are readable.
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
# PostgreSQL for the database integration tests, unless they are pointed at a server.
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || packages+=(postgresql)
fi

if [ ${#packages[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing system packages: ${packages[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# Start PostgreSQL and create the role and database the integration tests use
# by default: postgres://backtrack:backtrack@localhost:5432/backtrack_test (see
# packages/db/src/testing/test-databases.ts). The role may create databases:
# each test file works in a throwaway database of its own. Skipped when
# TEST_DATABASE_URL points the tests at another server.
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then (cd /tmp && runuser -u postgres -- "$@"); else (cd /tmp && sudo -u postgres "$@"); fi
  }
  pg_version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  if ! pg_lsclusters -h | grep -q .; then
    echo "Creating PostgreSQL ${pg_version} cluster"
    as_root=""
    if [ "$(id -u)" -ne 0 ]; then as_root="sudo"; fi
    $as_root pg_createcluster "$pg_version" main >/dev/null
  fi
  pg_lsclusters -h | while read -r version cluster port status _; do
    if [ "$status" != "online" ]; then
      echo "Starting PostgreSQL ${version}/${cluster} on port ${port}"
      if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster "$version" "$cluster" start; else sudo pg_ctlcluster "$version" "$cluster" start; fi
    fi
  done
  for _ in $(seq 1 30); do
    pg_isready -q -h localhost -p 5432 && break
    sleep 1
  done
  pg_isready -q -h localhost -p 5432 || { echo "PostgreSQL is not answering on localhost:5432" >&2; exit 1; }
  if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'backtrack'")" != "1" ]; then
    as_postgres psql -q -v ON_ERROR_STOP=1 -c "CREATE ROLE backtrack LOGIN PASSWORD 'backtrack' CREATEDB"
  fi
  as_postgres psql -q -v ON_ERROR_STOP=1 -c "ALTER ROLE backtrack LOGIN PASSWORD 'backtrack' CREATEDB"
  if [ "$(as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'backtrack_test'")" != "1" ]; then
    as_postgres createdb -O backtrack backtrack_test
  fi
  echo "PostgreSQL for tests: postgres://backtrack:***@localhost:5432/backtrack_test"
fi
