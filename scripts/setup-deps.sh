#!/usr/bin/env bash
# Installs what building and testing Repère Cyber needs on Debian/Ubuntu:
# the C toolchain and X11/OpenGL headers that Fyne compiles against, and
# the Go modules. Uses apt-get as root, sudo otherwise; when neither is
# possible it lists the packages to ask for and fails.
#
# Usage: scripts/setup-deps.sh [extra-debian-package ...]
set -euo pipefail

# Debian packages, and a file each one provides, to check without dpkg.
declare -A probes=(
  [gcc]=/usr/bin/gcc
  [pkg-config]=/usr/bin/pkg-config
  [libgl1-mesa-dev]=/usr/include/GL/gl.h
  [libx11-dev]=/usr/include/X11/Xlib.h
  [libxcursor-dev]=/usr/include/X11/Xcursor/Xcursor.h
  [libxrandr-dev]=/usr/include/X11/extensions/Xrandr.h
  [libxinerama-dev]=/usr/include/X11/extensions/Xinerama.h
  [libxi-dev]=/usr/include/X11/extensions/XInput2.h
  [libxxf86vm-dev]=/usr/include/X11/extensions/xf86vmode.h
)

missing=()
for pkg in "${!probes[@]}"; do
  [ -e "${probes[$pkg]}" ] || missing+=("$pkg")
done
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  IFS=$'\n' missing=($(sort -u <<<"${missing[*]}")); unset IFS
  echo "Paquets système manquants : ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "Installez-les avec un compte administrateur, puis relancez :" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A mirror caught mid-sync makes update fail for one index; apt then
  # keeps the previous lists, which are enough to install from.
  "${as_root[@]}" apt-get update -qq || echo "apt-get update a signalé une erreur ; installation avec les listes existantes."
  if ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "L'installation de ${missing[*]} a échoué. Vérifiez l'accès aux dépôts Debian, puis relancez." >&2
    exit 1
  fi
fi

if ! command -v go >/dev/null; then
  echo "Go est introuvable. Installez Go 1.26 ou plus récent (https://go.dev/dl/) puis relancez." >&2
  exit 1
fi
go mod download
