#!/usr/bin/env bash
# Import benchmark: imports N generated records (default 100,000) into a fresh catalog and
# prints, in one run, the median import time beside the median time of
# `xmllint --stream --noout --schema` on the same file, their ratio, and the importer's peak
# memory (maximum resident set size). Usage: [HERITAGE_BIN_DIR=…] benchmarks/import.sh [N] [RUNS] (see common.sh)
# With REALISTIC=1 the records come from `generate.py --realistic` (Zipf-distributed characters
# and words, longer names and summaries, traditional characters, media) instead of the worst case.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
runs=${2:-3}
source benchmarks/common.sh
bin=$(release_bin_dir)/heritage
work=benchmarks/work
mkdir -p "$work"
file=$(generated_records "$count")
schema="Sources/HeritageCatalog/Resources/records-1.xsd"


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
printf 'records: %s (%s, %s MB of XML), runs: %s\n' "$count" "$([[ ${REALISTIC:-0} == 1 ]] && echo realistic || echo worst case)" "$size" "$runs"
printf '%-40s %10s\n' "heritage import (median s)" "$ours_median"
printf '%-40s %10s\n' "xmllint --stream --schema (median s)" "$theirs_median"
printf '%-40s %10s\n' "heritage import peak memory (MB)" "$(awk -v k="$memory_max" 'BEGIN {printf "%.1f", k / 1024}')"
printf '%-40s %10s\n' "ratio import / xmllint" "$(awk -v a="$ours_median" -v b="$theirs_median" 'BEGIN {printf "%.2f", a / b}')"
