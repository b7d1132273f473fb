#!/usr/bin/env bash
# Compares Repère Cyber's search with fzf on the same corpus: for each
# query of search/bench_test.go (benchQueries) and a dozen of the table
# of search/cases_test.go, it prints fzf's top 3 and its mean time per
# query, and our top 3 with our in-process time per query (from the Go
# benchmark BenchmarkCompareQueries), as a markdown table on stdout.
#
#   fzf:  `fzf --filter QUERY < dump`, timed over RUNS runs with
#         date +%s%N. This includes starting fzf and reading the dump
#         (35,000 lines), which is what a shell user would pay.
#   ours: top 3 from `bin/reperecyber search --json --limit 3 QUERY`
#         (built with `make build`, data in a temporary
#         REPERECYBER_DATA_DIR), and the same whole process timed over
#         RUNS runs like fzf (start, index load, search, JSON out); and,
#         from `go test -bench`, the search alone on an index already in
#         memory, as in the app.
#
# The dump has one line per document: « kind TAB id TAB title synonyms »
# for content, « commune TAB insee TAB name postcodes » for communes. It
# is written by TestDumpCorpus (search/cases_test.go), which reads the
# bundled data exactly as the index does.
#
# Usage: scripts/fzf-compare.sh > /tmp/fzf-compare.md
# Environment: RUNS (default 20), FZF (default fzf), NO_BUILD=1 to reuse
# bin/reperecyber, KEEP=1 to keep the temporary directory.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
FZF=${FZF:-fzf}
GO=${GO:-go}
TEST_TAGS=migrated_fynedo,no_emoji,ci

for tool in "$FZF" jq "$GO"; do
  command -v "$tool" >/dev/null || { echo "fzf-compare: $tool is needed" >&2; exit 1; }
done

tmp=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then
  echo "fzf-compare: keeping $tmp" >&2
else
  trap 'rm -rf "$tmp"' EXIT
fi
dump=$tmp/corpus.tsv
queries=$tmp/queries.tsv

log() { echo "fzf-compare: $*" >&2; }

if [ "${NO_BUILD:-}" != 1 ]; then
  log "make build"
  make build >&2
fi
bin=./bin/reperecyber
[ -x "$bin" ] || { log "$bin missing: run make build"; exit 1; }

log "writing the corpus dump and the query list"
DUMP_CORPUS=$dump DUMP_QUERIES=$queries \
  "$GO" test -tags "$TEST_TAGS" -count=1 -run '^TestDumpCorpus$' ./search/ >&2
log "$(wc -l <"$dump") documents, $(wc -l <"$queries") queries"

log "Go benchmark (BenchmarkCompareQueries)"
# One line per query, in the order of the query list.
mapfile -t go_ns < <(
  "$GO" test -tags "$TEST_TAGS" -count=1 -run '^$' -bench '^BenchmarkCompareQueries$' \
    -benchtime 300x ./search/ |
    awk '$1 ~ /^BenchmarkCompareQueries\// { for (i = 2; i <= NF; i++) if ($(i) == "ns/op") print $(i-1) }'
)

export REPERECYBER_DATA_DIR=$tmp/data
mkdir -p "$REPERECYBER_DATA_DIR"

# top3 joins the first three ids, or shows « — » when there are none.
join3() { paste -sd, - | sed 's/,/, /g; s/^$/—/'; }

echo "| # | query | fzf top 3 | fzf ms/query (mean of $RUNS) | our top 3 | our ms/process (mean of $RUNS) | ratio | our µs/query (Go bench) | same top 1 |"
echo "|---|---|---|---|---|---|---|---|---|"
sum_fzf=0
sum_ours=0
i=0
while IFS=$'\t' read -r name q; do
  log "$name: $q"
  fzf_top=$("$FZF" --filter "$q" <"$dump" 2>/dev/null | head -3 | cut -f2 | join3 || true)
  start=$(date +%s%N)
  for _ in $(seq "$RUNS"); do
    "$FZF" --filter "$q" <"$dump" >/dev/null 2>&1 || true
  done
  end=$(date +%s%N)
  fzf_ms=$(awk -v t=$((end - start)) -v n="$RUNS" 'BEGIN { printf "%.1f", t / n / 1e6 }')

  our_top=$("$bin" search --json --limit 3 "$q" | jq -r '.[]?.id' | join3)
  start=$(date +%s%N)
  for _ in $(seq "$RUNS"); do
    "$bin" search --json --limit 3 "$q" >/dev/null 2>&1 || true
  done
  end=$(date +%s%N)
  our_ms=$(awk -v t=$((end - start)) -v n="$RUNS" 'BEGIN { printf "%.1f", t / n / 1e6 }')
  ratio=$(awk -v a="$our_ms" -v b="$fzf_ms" 'BEGIN { printf "%.1f×", a / b }')
  sum_fzf=$(awk -v a="$sum_fzf" -v b="$fzf_ms" 'BEGIN { print a + b }')
  sum_ours=$(awk -v a="$sum_ours" -v b="$our_ms" 'BEGIN { print a + b }')
  ns=${go_ns[$i]:-}
  our_us=$([ -n "$ns" ] && awk -v ns="$ns" 'BEGIN { printf "%.1f", ns / 1000 }' || echo "?")

  f1=${fzf_top%%,*}
  o1=${our_top%%,*}
  same=no
  [ "$f1" = "$o1" ] && same=yes

  i=$((i + 1))
  printf '| %d | `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "$i" "$q" "$fzf_top" "$fzf_ms" "$our_top" "$our_ms" "$ratio" "$our_us" "$same"
done <"$queries"

echo
awk -v a="$sum_ours" -v b="$sum_fzf" -v n="$i" 'BEGIN { printf "Whole process, mean over the %d queries: ours %.1f ms, fzf %.1f ms, ratio %.1f×.\n", n, a / n, b / n, a / b }'

echo
echo "fzf: \`$("$FZF" --version | head -1)\`, \`fzf --filter\` on $(wc -l <"$dump") lines, process start included."
echo "Ours, whole process: \`bin/reperecyber search --json --limit 3 QUERY\`, prebuilt index loaded at start."
echo "Ours, Go bench: search only, index in memory, limit 3 (\`go test -bench BenchmarkCompareQueries -benchtime 300x\`); top 3 from \`bin/reperecyber search --limit 3\`."
