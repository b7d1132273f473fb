#!/usr/bin/env bash
# Builds the release artefacts into dist/:
#   reperecyber-linux-amd64          the bare Linux binary
#   reperecyber-linux-amd64.tar.xz   the Linux package (binary, .desktop file, icon, Makefile to install)
#   reperecyber-windows-amd64.exe    the Windows executable: icon and version embedded, no console window
#   SHA256SUMS
# Everything is embedded (content, communes, fonts): each file runs alone,
# with no internet and no installation.
#
# Release flags: -trimpath, stripped (-s -w), and no_emoji, which drops
# Fyne's 4 MB emoji font the app never shows.
set -euo pipefail
cd "$(dirname "$0")/.."
fyne=bin/tools/fyne
tags=no_emoji
rm -rf dist && mkdir -p dist
export GOFLAGS=-trimpath CGO_ENABLED=1

echo "== Linux"
go build -tags "migrated_fynedo,$tags" -ldflags "-s -w" -o dist/reperecyber-linux-amd64 .
# fyne package wraps this very binary (no rebuild) with a desktop file,
# the icon and a Makefile offering « make user-install » (no admin rights),
# all read from FyneApp.toml.
pkg=$(mktemp -d)
mkdir -p "$pkg/assets"
cp FyneApp.toml "$pkg/" && cp assets/icon.png "$pkg/assets/" && cp dist/reperecyber-linux-amd64 "$pkg/reperecyber"
(cd "$pkg" && "$OLDPWD/$fyne" package -os linux -exe reperecyber >/dev/null 2>&1)
mv "$pkg"/*.tar.xz dist/reperecyber-linux-amd64.tar.xz
rm -rf "$pkg"

echo "== Windows"
# fyne package builds the executable itself, to embed the icon, the
# manifest and the version resource, and links it as a GUI program.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$work"
# Version and build are passed explicitly: left alone, the packager would
# increment the build number in (the copy of) FyneApp.toml.
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^Build *= *//p' FyneApp.toml)
(cd "$work" && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOOS=windows GOARCH=amd64 \
  "$OLDPWD/$fyne" package -os windows -release -tags "$tags" -appVersion "$version" -appBuild "$build" >/dev/null)
mv "$work"/*.exe dist/reperecyber-windows-amd64.exe

(cd dist && sha256sum reperecyber-* > SHA256SUMS)
echo "== Artefacts"
ls -l dist | awk 'NR > 1 { printf "%-36s %6.1f Mo\n", $9, $5 / 1048576 }'
