#!/usr/bin/env bash
# Prints, in one run, the four measures of issue 15 against their floors:
#   1. window mapped and search ready, cold process, first start included
#      (an empty data folder: the reference database is built), against a
#      bare Fyne window with one entry (tools/baseline), under Xvfb;
#   2. resident memory after typing a query, against the same window;
#   3. one contact sheet in process (BenchmarkContactSheet);
#   4. a département batch (BenchmarkPasDeCalais), per page.
# Timings on shared machines drift, so 1 and 2 alternate the two programs
# RUNS times (default 7), after one launch of each not counted, and
# compare medians. Needs xvfb, x11-utils and xdotool (make screenshots
# installs them).
#
# Usage: scripts/ratios.sh        RUNS=11 scripts/ratios.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
tags=migrated_fynedo,no_emoji # the Makefile's
# Typed with xdotool, which under Xvfb drops letters the keyboard map
# lacks (the ç): search folds accents, so this finds the same cards.
query=rancongiciel
go build -tags "$tags" -o bin/reperecyber .
go build -tags "$tags" -o bin/baseline ./tools/baseline

. scripts/xvfb.sh
work=$(mktemp -d)
xvfb_on_exit 'rm -rf "$work"'

# launch LOG CMD...: starts CMD in the background (pid in $pid) and sets
# $ms to the milliseconds until its window is mapped and it logged
# « prêt » (the app: content and index loaded, search answers), $map_ms
# to when the window was mapped. Under Xvfb a Fyne window now and then
# never maps: after 30 s the run is killed and launch fails.
launch() {
  local log=$1 start deadline
  shift
  start=$(date +%s%N)
  deadline=$((start + 30000000000))
  "$@" >"$log" 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$1 s'est arrêté :" >&2; cat "$log" >&2; exit 1; }
    [ "$(date +%s%N)" -lt "$deadline" ] || { kill -9 "$pid"; wait "$pid" 2>/dev/null; return 1; }
    sleep 0.005
  done
  map_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  until grep -q "prêt" "$log" 2>/dev/null; do
    [ "$(date +%s%N)" -lt "$deadline" ] || { kill -9 "$pid"; wait "$pid" 2>/dev/null; return 1; }
    sleep 0.005
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
}

# retry CMD...: runs launch until it succeeds, three times at most.
retry() {
  for _ in 1 2 3; do launch "$@" && return 0; echo "(fenêtre jamais affichée : relancé)" >&2; done
  echo "La fenêtre ne s'affiche pas sous Xvfb." >&2; exit 1
}

# stop: ends $pid, forcibly if it has not quit within 5 s.
stop() {
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# first_start: the app on an empty data folder (nothing built yet); exec
# keeps the app's pid the one launch watches.
first_start() { REPERECYBER_DATA_DIR=$(mktemp -d -p "$work") exec bin/reperecyber; }

# rss_after_query: types the query in the search field (Ctrl+F reaches it
# from the first start's commune question; the bare window's entry has
# the focus already), waits for the results to be drawn, prints the
# resident memory of $pid in KB.
rss_after_query() {
  xdotool key ctrl+f
  sleep 0.2
  xdotool type --delay 15 "$query"
  sleep 1.5
  awk '/VmRSS/ {print $2}' "/proc/$pid/status"
}

# One launch of each, not counted: the first after a build reads both
# programs and the graphics libraries from disk, a cold disk cache
# rather than the cold process measured here.
retry "$work/base.log" bin/baseline; stop
retry "$work/app.log" first_start; stop

app_ms=() app_map=() base_ms=() app_kb=() base_kb=()
for i in $(seq "$runs"); do
  retry "$work/base.log" bin/baseline
  base_ms+=("$ms"); base_kb+=("$(rss_after_query)"); stop
  retry "$work/app.log" first_start
  app_ms+=("$ms"); app_map+=("$map_ms"); app_kb+=("$(rss_after_query)"); stop
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# Three runs of each benchmark, the median kept: one run now and then
# meets the machine busy.
bench=$(go test -tags "$tags,ci" -run '^$' -bench '^(BenchmarkContactSheet|BenchmarkPasDeCalais)$' -benchmem -benchtime 2s -count 3 ./export/)
sheet_ms=$(median $(awk '/^BenchmarkContactSheet/ {printf "%.2f\n", $3 / 1e6}' <<<"$bench"))
page_ms=$(median $(awk '/^BenchmarkPasDeCalais/ {
  for (i = 1; i <= NF; i++) { if ($(i+1) == "ns/op") ns = $i; if ($(i+1) == "pages") n = $i }
  printf "%.2f\n", ns / n / 1e6 }' <<<"$bench"))
page_kb=$(median $(awk '/^BenchmarkPasDeCalais/ {
  for (i = 1; i <= NF; i++) { if ($(i+1) == "B/op") b = $i; if ($(i+1) == "pages") n = $i }
  printf "%.0f\n", b / n / 1024 }' <<<"$bench"))

am=$(median "${app_ms[@]}") bm=$(median "${base_ms[@]}")
ak=$(median "${app_kb[@]}") bk=$(median "${base_kb[@]}")
echo "Mesures (médianes de $runs lancements alternés, Xvfb) :"
printf '  %-58s %7s ms / %7s ms = %s× (cible ≤ 1,3×)\n' "fenêtre affichée et recherche prête, premier démarrage :" "$am" "$bm" "$(ratio "$am" "$bm")"
printf '  %-58s %7s Mo / %6s Mo = %s× (cible ≤ 1,3×)\n' "mémoire résidente après la recherche « $query » :" "$((${ak%.*} / 1024))" "$((${bk%.*} / 1024))" "$(ratio "$ak" "$bk")"
printf '  %-58s %s ms (cible ≤ 5 ms)\n' "une fiche contacts (BenchmarkContactSheet) :" "$sheet_ms"
printf '  %-58s %s ms et %s Ko alloués par page (cibles ≤ 2 ms, ≤ 200 Ko)\n' "Pas-de-Calais, 887 pages (BenchmarkPasDeCalais) :" "$page_ms" "$page_kb"
echo "  détail : app prête ${app_ms[*]} ms (fenêtre affichée ${app_map[*]} ms), ${app_kb[*]} Ko ; fenêtre nue ${base_ms[*]} ms, ${base_kb[*]} Ko"
