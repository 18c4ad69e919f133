#!/usr/bin/env bash
# Import benchmark: imports N generated records (default 100,000) into a fresh catalog and
# prints, in one run, the median import time beside the median time of
# `xmllint --stream --noout --schema` on the same file, their ratio, and the importer's peak
# memory (maximum resident set size). Usage: [HERITAGE_BIN=…] benchmarks/import.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
runs=${2:-3}
# HERITAGE_BIN=path/to/heritage times another build (an older commit's, say) on the same file.
if [[ -n ${HERITAGE_BIN:-} ]]; then
  bin=$HERITAGE_BIN
else
  scripts/setup
  swift build -c release >/dev/null
  bin=$(swift build -c release --show-bin-path)/heritage
fi
resources=$(swift build -c release --show-bin-path)/HeritageCatalog_HeritageCatalog.resources/Resources
work=benchmarks/work
mkdir -p "$work"
file="$work/records-$count.xml"
[[ -f $file ]] || python3 benchmarks/generate.py "$count" --seed 7 --out "$file"
schema="Sources/HeritageCatalog/Resources/records-1.xsd"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # prints "seconds maxrss_kb" for one run of the command
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; return 1; }
  cat "$work/time.txt"
}

ours=() ; memory=() ; theirs=()
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/catalog"
  read -r seconds rss < <(measure "$bin" import --catalog "$work/catalog" "$file")
  ours+=("$seconds"); memory+=("$rss")
  read -r seconds _ < <(measure xmllint --stream --noout --schema "$schema" "$file")
  theirs+=("$seconds")
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
memory_max=$(printf '%s\n' "${memory[@]}" | sort -n | tail -1)
size=$(du -m "$file" | cut -f1)
printf 'records: %s (%s MB of XML), runs: %s\n' "$count" "$size" "$runs"
printf '%-40s %10s\n' "heritage import (median s)" "$ours_median"
printf '%-40s %10s\n' "xmllint --stream --schema (median s)" "$theirs_median"
printf '%-40s %10s\n' "ratio import / xmllint" "$(awk -v a="$ours_median" -v b="$theirs_median" 'BEGIN {printf "%.2f", a / b}')"
printf '%-40s %10s\n' "heritage import peak memory (MB)" "$(awk -v k="$memory_max" 'BEGIN {printf "%.1f", k / 1024}')"
