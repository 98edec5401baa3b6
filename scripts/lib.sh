# SPDX-License-Identifier: Apache-2.0
# Shared by scripts/run, scripts/test and .ci/run. Source it; do not run it.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything the build, the tests and the product need, from Debian 12's own archive.
PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git lld
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl-dev
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-psql
    qt6-charts-dev qt6-networkauth-dev qtkeychain-qt6-dev libqt6svg6 iso-codes
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libargon2-dev libssl-dev libcurl4-openssl-dev libpq-dev
    postgresql postgresql-contrib
    clang-format clang-tidy
    wrk curl openssl
    fonts-dejavu-core
    poppler-utils
    python3-prometheus-client
    nginx-light pgbouncer
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "need root to run: $* (install sudo or run as root)" >&2
        return 1
    fi
}

# Installs only what is missing; a machine that has everything pays one dpkg query.
ensure_packages() {
    local missing=()
    local status
    for package in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        if [ "$status" != "install ok installed" ]; then
            missing+=("$package")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    log "installing ${#missing[@]} Debian packages: ${missing[*]}"
    # A machine whose earlier package run was cut off (an image taken mid-install, a killed
    # apt-get) refuses every install ("dpkg was interrupted") until its half-installed packages
    # are finished, so finish them first; and wait for a package run still going (apt's daily
    # timer on a fresh machine) instead of failing on its lock.
    if [ -n "$(ls -A /var/lib/dpkg/updates 2>/dev/null)" ] || [ -n "$(dpkg --audit 2>/dev/null)" ]; then
        log "finishing an interrupted package installation (dpkg --configure -a)"
        as_root env DEBIAN_FRONTEND=noninteractive dpkg --configure -a
    fi
    local apt=(apt-get -o DPkg::Lock::Timeout=600)
    as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq
    as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# The npm packages of the tests' local peers (tests/peers/*/package-lock.json, e.g. the OpenID
# providers): `npm ci` once, and again only when a lock file changes (its hash is kept in
# node_modules), so that a machine that has them pays one sha256sum per peer.
ensure_test_peers() {
    local lock dir stamp hash
    for lock in "$ROOT"/tests/peers/*/package-lock.json; do
        [ -f "$lock" ] || continue
        dir=$(dirname "$lock")
        stamp="$dir/node_modules/.influence-lock.sha256"
        hash=$(sha256sum "$lock" | cut -d' ' -f1)
        if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
            continue
        fi
        if ! command -v npm >/dev/null 2>&1; then
            echo "the test peers in ${dir#"$ROOT"/} need Node.js 20 or later with npm" >&2
            return 1
        fi
        log "installing the test peers in ${dir#"$ROOT"/} (npm ci)"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$hash" >"$stamp"
    done
}

# configure_and_build <preset> [targets…]: configures once, then builds incrementally.
configure_and_build() {
    local preset="$1"
    shift
    local build_dir="$ROOT/build/$preset"
    local extra=()
    if [ "${INFLUENCE_WERROR:-}" = "ON" ]; then
        extra+=(-DINFLUENCE_WERROR=ON)
    fi
    if [ ! -f "$build_dir/build.ninja" ] || [ "${#extra[@]}" -gt 0 ]; then
        log "configuring ($preset)"
        cmake --preset "$preset" -S "$ROOT" "${extra[@]}" >/dev/null
    fi
    log "building ($preset)"
    if [ "$#" -gt 0 ]; then
        cmake --build "$build_dir" --target "$@"
    else
        cmake --build "$build_dir"
    fi
}
