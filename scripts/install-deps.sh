#!/usr/bin/env bash
# Installs the Debian packages samen-sturen needs to build, test and run; only the missing ones.
# Idempotent: a second run installs nothing and makes no network request.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsqlite3-dev libsqlitecpp-dev sqlite3
  doctest-dev libcli11-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core
  libxlsxwriter-dev libkainjow-mustache-dev nlohmann-json3-dev libssl-dev
  libcurl4-openssl-dev libtomlplusplus-dev libqpdf-dev libmimalloc-dev
  poppler-utils qpdf unzip
  # The output checks of the tests: Chromium for axe-core, Java for the Nu Html Checker,
  # LibreOffice to open every workbook, with Carlito (Calibri's metrics, the workbooks' font) so
  # that it measures columns as Excel does.
  chromium default-jre-headless libreoffice-calc-nogui fonts-crosextra-carlito
  # An SMTP server on loopback for the distribution tests.
  python3-aiosmtpd
)

missing=()
# Node's npm fetches vnu-jar and axe-core for the HTML checks. A machine whose Node came from
# elsewhere (NodeSource) already has npm, and Debian's npm would conflict with it.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} packages present"
else
  echo "deps: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The HTML checks of the tests (vnu-jar, axe-core, puppeteer-core), at the versions of the lock file.
checks="$(dirname "$0")/../tests/html-checks"
if [ ! -f "$checks/node_modules/.package-lock.json" ] || [ "$checks/package-lock.json" -nt "$checks/node_modules/.package-lock.json" ]; then
  echo "deps: installing the HTML checkers with npm"
  (cd "$checks" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
