#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages counter_app needs, where it can (root or passwordless sudo),
# and names what is missing where it cannot.
#   test: venv support, Qt's offscreen needs, the PostgreSQL server the tests start, zbarimg and pdftoppm (QR and form checks),
#         libsane (its 'test' device too) and what python-sane builds with, Tesseract with Vietnamese data
#   gui:  the above plus Qt's X11 libraries for a real window
set -u
purpose="${1:-test}"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian/Ubuntu system; install Qt's X11 libraries and PostgreSQL yourself." >&2
    exit 0
fi

packages=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 postgresql zbar-tools poppler-utils
          libsane1 libsane-dev sane-utils gcc tesseract-ocr tesseract-ocr-vie)
if ! python3 -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
    packages+=(python3-dev)
fi
if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    packages+=(python3-venv)
fi
if [ "$purpose" = gui ]; then
    packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
               libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxkbcommon-x11-0)
fi

missing=()
for p in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "system-deps: missing packages: ${missing[*]}" >&2
    echo "system-deps: install them with: sudo apt-get install ${missing[*]}" >&2
    exit 0
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null || true
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "system-deps: could not install: ${missing[*]}" >&2
    [ "$purpose" = test ] && [ "${CI:-}" = true ] && exit 1
fi
exit 0
