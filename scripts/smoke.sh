#!/usr/bin/env bash
# Smoke-tests the artefacts of make dist, as a person would run them:
# on a fresh home folder, with no network at all. The whole test runs in
# a network namespace without interfaces (unshare -n, as root); the
# window's system calls are traced to show it opens no network
# connection. Windows: the same under Wine, where Wine can.
#
# Usage: scripts/smoke.sh   (after make dist; prints one line per check)
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SMOKE_IN_NETNS:-}" ]; then
  exec unshare -n env SMOKE_IN_NETNS=1 "$0" "$@"
fi

pass=0 fail=0
ok()  { echo "ok      $*"; pass=$((pass + 1)); }
bad() { echo "ÉCHEC   $*"; fail=$((fail + 1)); }
check() { # check NAME COMMAND...: ok when the command succeeds
  local name=$1 log; shift
  if log=$("$@" 2>&1); then ok "$name"; else bad "$name"; echo "$log" | sed 's/^/        /' | head -20; fi
}

ip -o link 2>/dev/null | grep -vq ' lo:' && bad "réseau coupé (des interfaces existent)" || ok "aucune interface réseau hors lo"
ping -c1 -W1 9.9.9.9 >/dev/null 2>&1 && bad "le réseau répond encore" || ok "aucune route vers internet"

tmp=$(mktemp -d)
. scripts/xvfb.sh
xvfb_on_exit 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"'

# --- Linux ---------------------------------------------------------------
linux() { HOME=$tmp/home-linux XDG_CONFIG_HOME= XDG_CACHE_HOME= dist/reperecyber-linux-amd64 "$@"; }
mkdir -p "$tmp/home-linux"
check "linux : version" bash -c "$(declare -f linux); tmp=$tmp linux version | grep -q 'Repère Cyber'"
check "linux : check" linux check
check "linux : search" bash -c "$(declare -f linux); tmp=$tmp linux search rançongicel | grep -q Rançongiciel"
check "linux : sheet (1 page)" bash -c "$(declare -f linux); tmp=$tmp linux sheet --commune 29200 -o $tmp/brest.pdf >/dev/null && pdfinfo $tmp/brest.pdf | grep -q 'Pages: *1'"
check "linux : fiche réflexe" bash -c "$(declare -f linux); tmp=$tmp linux fiche rancongiciel-mairie --commune 29200 -o $tmp/fiche.pdf >/dev/null"
# The window: up long enough to answer, screenshot, and no connect() to
# anything but local sockets (X11).
HOME=$tmp/home-linux DISPLAY=$display strace -f -qq -e trace=connect -o "$tmp/strace" \
  dist/reperecyber-linux-amd64 >"$tmp/gui.log" 2>&1 &
gui=$!
for _ in $(seq 100); do grep -q "prêt" "$tmp/gui.log" 2>/dev/null && break; sleep 0.1; done
sleep 1
DISPLAY=$display import -window root "${SMOKE_SHOT_DIR:-$tmp}/smoke-linux.png" && ok "linux : fenêtre ouverte (capture)" || bad "linux : capture"
grep -q "prêt" "$tmp/gui.log" && ok "linux : contenu chargé dans la fenêtre" || bad "linux : contenu non chargé"
pkill -f "^dist/reperecyber-linux-amd64" # the traced app; strace then exits
wait $gui 2>/dev/null
check "linux : base utilisateur créée au premier lancement" test -f "$tmp/home-linux/.config/reperecyber/user.db"
if grep -E 'AF_INET6?' "$tmp/strace" | grep -v 'sin_port=htons(53)' >/dev/null; then
  bad "linux : connexion réseau tentée"; grep -E 'AF_INET' "$tmp/strace" | head -5
else
  ok "linux : aucune connexion réseau ($(grep -c connect "$tmp/strace") connect() locaux seulement)"
fi

# --- Windows, under Wine --------------------------------------------------
if command -v wine >/dev/null && [ -f dist/reperecyber-windows-amd64.exe ]; then
  # No Mono or Gecko: Wine would offer to download them, and there is no
  # network. Debian 12's Wine (8.0) lacks bcryptprimitives.dll, which Go's
  # Windows runtime needs (every Windows 10 and 11 has it): a test-only
  # stand-in built from scripts/wine/ fills the gap. It is never shipped.
  export WINEPREFIX=$tmp/wine WINEDEBUG=-all DISPLAY=$display WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
  timeout 120 wine wineboot --init >/dev/null 2>&1
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def
  win() { timeout 60 wine dist/reperecyber-windows-amd64.exe "$@" 2>/dev/null | tr -d '\r'; }
  check "windows : version" bash -c "$(declare -f win); win version | grep -q 'Repère Cyber'"
  check "windows : check" bash -c "$(declare -f win); win check | grep -q 'Contenu valide'"
  check "windows : search" bash -c "$(declare -f win); win search rançongicel | grep -q Rançongiciel"
  check "windows : sheet (1 page)" bash -c "$(declare -f win); win sheet --commune 29200 -o 'Z:$tmp/brest-win.pdf' >/dev/null; pdfinfo $tmp/brest-win.pdf | grep -q 'Pages: *1'"
  wine dist/reperecyber-windows-amd64.exe >"$tmp/wine-gui.log" 2>&1 &
  wgui=$!
  for _ in $(seq 60); do ls "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/reperecyber/user.db >/dev/null 2>&1 && break; sleep 0.5; done
  sleep 4 # the window draws after the databases open
  DISPLAY=$display import -window root "${SMOKE_SHOT_DIR:-$tmp}/smoke-windows.png" && ok "windows : capture de l'écran sous Wine (voir smoke-windows.png)"
  kill $wgui 2>/dev/null; wineserver -k 2>/dev/null; wait $wgui 2>/dev/null
  check "windows : base utilisateur créée au premier lancement (APPDATA)" bash -c "ls $WINEPREFIX/drive_c/users/*/AppData/Roaming/reperecyber/user.db"
else
  echo "ignoré  windows : wine ou dist/reperecyber-windows-amd64.exe absent"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
