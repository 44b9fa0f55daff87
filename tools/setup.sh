# Sourced by tools/run and tools/test: everything the app needs on a fresh Debian/Ubuntu machine.
#   setup_system offscreen|desktop   system libraries Qt loads (installed with apt-get if missing)
#   setup_python                     .venv with the app and its test tools, refreshed when
#                                    pyproject.toml changes (the compiled translations,
#                                    resources/i18n/*.qm, are committed: nothing to compile)
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

# "package|check": the package is installed when the check fails.
OFFSCREEN_NEEDS=(
  "libegl1|have_lib libEGL.so.1"
  "libgl1|have_lib libGL.so.1"
  "libfontconfig1|have_lib libfontconfig.so.1"
  "libfreetype6|have_lib libfreetype.so.6"
  "libglib2.0-0|have_lib libglib-2.0.so.0"
  "libdbus-1-3|have_lib libdbus-1.so.3"
  "libxkbcommon0|have_lib libxkbcommon.so.0"
  "libx11-6|have_lib libX11.so.6"
  "fonts-dejavu-core|have_fonts"
)
# A real X11 desktop also needs Qt's xcb helpers (libxcb-cursor0 is the one most often missing),
# and a colour emoji font: DejaVu has no emoji, so one in a ticket would draw as an empty box.
DESKTOP_NEEDS=(
  "fonts-noto-color-emoji|have_emoji_font"
  "libxcb-cursor0|have_lib libxcb-cursor.so.0"
  "libxkbcommon-x11-0|have_lib libxkbcommon-x11.so.0"
  "libxcb-icccm4|have_lib libxcb-icccm.so.4"
  "libxcb-keysyms1|have_lib libxcb-keysyms.so.1"
  "libxcb-image0|have_lib libxcb-image.so.0"
  "libxcb-render-util0|have_lib libxcb-render-util.so.0"
  "libxcb-randr0|have_lib libxcb-randr.so.0"
  "libxcb-shape0|have_lib libxcb-shape.so.0"
  "libxcb-xfixes0|have_lib libxcb-xfixes.so.0"
  "libxcb-sync1|have_lib libxcb-sync.so.1"
  "libxcb-xkb1|have_lib libxcb-xkb.so.1"
  "libx11-xcb1|have_lib libX11-xcb.so.1"
)

LD_CACHE=""
have_lib() {  # the dynamic linker's cache lists "<tab>libEGL.so.1 (libc6,x86-64) => …"
  [ -n "$LD_CACHE" ] || LD_CACHE=$(/sbin/ldconfig -p 2>/dev/null || true)
  [[ "$LD_CACHE" == *$'\t'"$1 "* ]]
}
have_fonts() { command -v fc-list >/dev/null && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]; }
have_emoji_font() {  # any colour font with 👍 (U+1F44D), or the package itself without fc-list
  { command -v fc-list >/dev/null &&
    [ -n "$(fc-list ':charset=1f44d:color=true' family 2>/dev/null | head -n 1)" ]; } ||
    dpkg-query -W -f='${Status}' fonts-noto-color-emoji 2>/dev/null | grep -q 'ok installed'
}
have_venv() { "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; }

apt_install() {
  [ $# -gt 0 ] || return 0
  say "Installing system packages: $*"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      say "Please install these packages as root, then run this again: $*"; exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    say "This is not a Debian/Ubuntu machine; install the equivalents of: $*"; exit 1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

setup_system() {
  local needs=("${OFFSCREEN_NEEDS[@]}") missing=() entry
  [ "${1:-offscreen}" = desktop ] && needs+=("${DESKTOP_NEEDS[@]}")
  have_venv || missing+=(python3-venv)
  for entry in "${needs[@]}"; do
    # shellcheck disable=SC2086  # the check is a command with its argument
    ${entry#*|} || missing+=("${entry%%|*}")
  done
  apt_install "${missing[@]}"
}

setup_python() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Particle Tickets needs Python 3.11 or newer ($PYTHON is $("$PYTHON" -V 2>&1))."; exit 1
  fi
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  local stamp="$VENV/.installed-$(cksum < "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ ! -e "$stamp" ]; then
    say "Installing Particle Tickets and its test tools into .venv"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}
