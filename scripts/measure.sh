#!/usr/bin/env bash
# Measures, in a real window under Xvfb: the time from launch until search
# answers (the app logs « prêt » when content and index are loaded), on a
# first start (empty data folder: the reference database is built) and on
# a later start; then the resident memory after 20 searches each opening a
# card. Needs xvfb and xdotool (make screenshots installs them).
#
# Usage: scripts/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/reperecyber
. scripts/xvfb.sh
data=$(mktemp -d)
xvfb_on_exit 'rm -rf "$data"'
export REPERECYBER_DATA_DIR=$data

# ready LABEL: launches the app and prints the milliseconds until « prêt ».
ready() {
  local start end
  start=$(date +%s%N)
  "$bin" >"$data/log" 2>&1 &
  pid=$!
  until grep -q "prêt" "$data/log" 2>/dev/null; do sleep 0.005; done
  end=$(date +%s%N)
  echo "$1 : recherche prête $(( (end - start) / 1000000 )) ms après le lancement"
}

ready "premier démarrage (base construite)"
kill $pid; wait $pid 2>/dev/null || true
for i in 1 2 3; do
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true # cold file cache when allowed
  ready "démarrage suivant n°$i"
  [ $i = 3 ] || { kill $pid; wait $pid 2>/dev/null || true; }
done

sleep 0.5
queries=(rançongiciel phishing "bouton d'appel" pharos 29200 "faux rib" calae perceval cnil "alarme élu"
         ddos sextorsion "csirt occitanie" 17cyber "usurpation" "mot de passe" sauvegarde 3018 "ma sécurité" thesee)
for q in "${queries[@]}"; do
  xdotool key ctrl+l; xdotool type --delay 15 "$q"; sleep 0.15; xdotool key Return; sleep 0.25
done
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
gl=$(awk '/^[0-9a-f]+-/ {name=$6} /^Rss:/ && name ~ /libLLVM|dri\// {s += $2} END {print s+0}' /proc/$pid/smaps)
echo "mémoire résidente après 20 recherches et 20 fiches ouvertes : $((rss / 1024)) Mo"
echo "  dont OpenGL logiciel de Xvfb (libLLVM, pilote swrast) : $((gl / 1024)) Mo ; hors OpenGL logiciel : $(((rss - gl) / 1024)) Mo"
kill $pid; wait $pid 2>/dev/null || true
