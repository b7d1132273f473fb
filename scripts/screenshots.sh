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

# The crisis path as people see it: their own contacts saved for Brest.
printf 'insee;role;nom;telephone;courriel;note\n29019;informatique;Infogérance Ouest (exemple);02 98 11 22 33;;\n29019;assureur;Mutuelle des communes (exemple);02 98 44 55 66;;\n' > "$data/contacts.csv"
"$bin" import-contacts "$data/contacts.csv" >/dev/null

if [ "${XVFB_SIZE:-}" != 1920x1080 ]; then
for theme in light dark; do
  "$bin" config theme "$theme" >/dev/null
  for size in small xlarge; do
    "$bin" config text_size "$size" >/dev/null
    shoot "$size-$theme-accueil" home
    shoot "$size-$theme-recherche" home "rancongicel"
    shoot "$size-$theme-fiche" card:csirt-bretagne
    shoot "$size-$theme-ma-commune" commune
    shoot "$size-$theme-annuaire" browse:service
    shoot "$size-$theme-que-faire" triage:rancongiciel-mairie
  done
done
"$bin" config theme system >/dev/null
"$bin" config text_size normal >/dev/null
shoot "accueil" home
shoot "recherche" home "bouton d'appel"
shoot "fiche" card:rancongiciel
shoot "ma-commune" commune
shoot "que-faire" triage
shoot "que-faire-resultat" triage:rancongiciel-mairie
shoot "fiches-a-imprimer" print
shoot "aide" help
fi

# A 1920-pixel screen: whom to call beside what to do.
if [ "${XVFB_SIZE:-}" = 1920x1080 ]; then
  REPERECYBER_WINDOW=1900x1000 shoot "large-ecran-que-faire" triage:rancongiciel-mairie
  exit 0
fi

# First start: a fresh data folder asks for the commune.
first=$(mktemp -d)
xvfb_on_exit 'rm -rf "$first"'
REPERECYBER_DATA_DIR=$first shoot "premier-demarrage" "" "29860"
ls "$out"
