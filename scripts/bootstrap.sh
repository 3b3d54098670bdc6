#!/usr/bin/env bash
# Install OpinionKit into .venv, with the system libraries Qt needs on Debian.
#
#   bash scripts/bootstrap.sh          # the app
#   bash scripts/bootstrap.sh --test   # the app and what its tests need
#
# Safe to run again: it installs only what is missing. Set PYTHON to choose the
# interpreter (Python 3.11 or newer).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

extras=""
for arg in "$@"; do
    case "$arg" in
        --test) extras="test" ;;
        -h|--help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "bootstrap: unknown option $arg (use --test or nothing)" >&2; exit 2 ;;
    esac
done

# What Qt needs to start (first line), to open a real window on X11 (the xcb lines),
# and what the tests use to check PDFs (qpdf, pdftoppm).
QT_PACKAGES=(
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libx11-6 libdbus-1-3 fonts-dejavu-core
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
    libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
    qpdf poppler-utils
)

say() { printf 'bootstrap: %s\n' "$*"; }

# Run a command silently; if it fails, show everything it printed.
quietly() {
    local log
    log="$(mktemp)"
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}

find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    echo "bootstrap: OpinionKit needs Python 3.11 or newer; none was found (set PYTHON=/path/to/python3)." >&2
    return 1
}

install_system_packages() {
    local python="$1" missing=() package
    command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local wanted=("${QT_PACKAGES[@]}")
    # Debian's own python3 makes virtual environments only with python3-venv installed.
    if dpkg -S "$(readlink -f "$python")" >/dev/null 2>&1; then
        wanted+=(python3-venv)
    fi
    for package in "${wanted[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        say "not root, so not installing these system packages: ${missing[*]}"
        say "if Qt fails to start, run as root: apt-get install --no-install-recommends ${missing[*]}"
        return 0
    fi
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    quietly apt-get update
    quietly apt-get install -y --no-install-recommends "${missing[@]}"
}

make_venv() {
    local python="$1"
    if [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; then
        return 0
    fi
    say "creating .venv with $("$python" --version 2>&1)"
    rm -rf .venv  # a half-made one from an interrupted run
    quietly "$python" -m venv .venv
}

install_opinionkit() {
    # The stamp records what was installed from which pyproject.toml, so a second run is instant.
    local stamp=.venv/opinionkit-installed want have=""
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) ${extras:-app}"
    [ -f "$stamp" ] && have="$(cat "$stamp")"
    if [ -x .venv/bin/opinionkit ] && { [ "$have" = "$want" ] || [ "$have" = "${want% *} test" ]; }; then
        return 0
    fi
    local target="."
    [ -n "$extras" ] && target=".[$extras]"
    say "installing OpinionKit${extras:+ with its $extras extras} into .venv (the first time takes a minute)"
    rm -f "$stamp"
    quietly .venv/bin/python -m pip install --disable-pip-version-check --no-input -e "$target"
    echo "$want" >"$stamp"
}

python="$(find_python)"
install_system_packages "$python"
make_venv "$python"
install_opinionkit
say "ready: .venv/bin/opinionkit"
