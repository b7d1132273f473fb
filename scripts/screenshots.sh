#!/usr/bin/env bash
# Renders the main screens of Repère Cyber in a real window under Xvfb, at
# the smallest and the largest text size, into docs/screenshots/*.png (the
# pictures the README shows). Needs xvfb, imagemagick and xdotool, which
# `make screenshots` installs.
#
# Usage: scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
bin=bin/reperecyber
mkdir -p "$out"

. scripts/xvfb.sh
data=$(mktemp -d)
xvfb_on_exit 'rm -rf "$data"'
export REPERECYBER_DATA_DIR=$data

"$bin" config commune 29019 >/dev/null   # Brest: a commune with a CSIRT

# shoot NAME SPEC [KEYS]: opens the window on SPEC, waits until the
# content is loaded, optionally types KEYS, and captures the screen.
shoot() {
  local name=$1 spec=$2 keys=${3:-}
  REPERECYBER_OPEN=$spec "$bin" >"$data/log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do grep -q "prêt" "$data/log" 2>/dev/null && break; sleep 0.1; done
  sleep 0.6 # let the first frames settle
  if [ -n "$keys" ]; then xdotool type --delay 30 "$keys"; sleep 0.5; fi
  import -window root "$out/$name.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for size in small xlarge; do
  "$bin" config text_size "$size" >/dev/null
  shoot "$size-accueil" home
  shoot "$size-recherche" home "rancongicel"
  shoot "$size-fiche" card:csirt-bretagne
  shoot "$size-ma-commune" commune
  shoot "$size-annuaire" browse:service
  shoot "$size-pack-elus" browse:elus
  shoot "$size-reglages" settings
  shoot "$size-que-faire" triage:rancongiciel-mairie
done
"$bin" config text_size normal >/dev/null
shoot "accueil" home
shoot "recherche" home "bouton d'appel"
shoot "fiche" card:rancongiciel
shoot "ma-commune" commune
shoot "que-faire" triage
shoot "que-faire-resultat" triage:rancongiciel-mairie
shoot "fiches-a-imprimer" print
shoot "aide" help
ls "$out"
