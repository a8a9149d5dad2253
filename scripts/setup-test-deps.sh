#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian). Safe to re-run:
# it installs only what is missing. Needs root or sudo for apt-get.
set -euo pipefail

packages=()
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)

if [ ${#packages[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing system packages: ${packages[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi
