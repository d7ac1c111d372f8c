#!/usr/bin/env bash
# Install Debian's headless Chromium for the browser tests (tests/test_browser*.py).
# Idempotent: does nothing when /usr/bin/chromium is already there. Never downloads a
# browser build of its own: Playwright drives this system binary via executable_path.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q </dev/null
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core </dev/null
test -x /usr/bin/chromium
