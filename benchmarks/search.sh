#!/usr/bin/env bash
# Search benchmark: imports N generated records (default 1,000,000) with the search index,
# then prints per query class the in-process median and 99th-percentile latency of
# Catalog.search (heritage-bench), the whole `heritage search` process time, and `rg` over the
# generated XML for the same Chinese strings. Usage: benchmarks/search.sh [N] [REPEAT]
# With REUSE=1 an existing benchmark catalog of N records is searched again without re-importing.
# With REALISTIC=1 the records come from `generate.py --realistic` (Zipf-distributed characters
# and words) instead of the worst case. HERITAGE_BIN_DIR=… times another build's heritage and
# heritage-bench (an older commit's, say) on the same catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
repeat=${2:-50}
source benchmarks/common.sh
bin=$(release_bin_dir)
work=benchmarks/work
mkdir -p "$work"
file=$(generated_records "$count")
if [[ ${REALISTIC:-0} == 1 ]]; then
  catalog="$work/search-catalog-realistic-$count"
else
  catalog="$work/search-catalog-$count"
fi
if [[ ${REUSE:-0} == 1 && -d $catalog ]]; then
  echo "(catalog reused: the import time below is from the run that built it)"
else
  rm -rf "$catalog"
  /usr/bin/time -f "%e" -o "$catalog.import-time" "$bin/heritage" import --catalog "$catalog" "$file" >/dev/null
fi
# Four-character strings that occur in the generated names.
four=$(python3 - "$file" <<'PY'
import re, sys
names = re.findall(r'<name xml:lang="zh">([^<]{4,})</name>', open(sys.argv[1], encoding="utf-8").read(2_000_000))
print(",".join(n[:4] for n in names[:3]))
PY
)
# "broad" matches most records: 艺 is in most generated summaries, tea in about two thirds.
classes=("two=茉莉,寿山,闽剧" "four=$four" "traditional=閩劇,壽山,連江" "pinyin=minju,shoushan,moli"
  "toned=mǐnjù,shòushān,mòlì" "numbered=min3ju4,shou4shan1,mo4li4" "initials=mj,ss,mlh"
  "english=jasm,opera,tea" "district=鼓楼区,仓山区,连江县" "broad=艺,茶,tea")
echo "records: $count ($(basename "$file")); import with search index: $(cat "$catalog.import-time") s"
"$bin/heritage-bench" "$catalog" "$repeat" "${classes[@]}"
printf '%-12s %18s %16s %8s\n' "class" "heritage search s" "rg (same text) s" "ratio"
worst=n/a
for spec in "${classes[@]}"; do
  name=${spec%%=*}
  query=${spec#*=}
  query=${query%%,*}
  ours=() theirs=()
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o "$work/t.txt" "$bin/heritage" search --catalog "$catalog" "$query" >/dev/null
    ours+=("$(cat "$work/t.txt")")
    if [[ $name =~ ^(two|four|traditional|district|broad)$ ]]; then
      /usr/bin/time -f "%e" -o "$work/t.txt" rg -c "$query" "$file" >/dev/null || true
      theirs+=("$(cat "$work/t.txt")")
    fi
  done
  oursm=$(printf '%s\n' "${ours[@]}" | median)
  rgm="-" ratio="-"
  if ((${#theirs[@]})); then
    rgm=$(printf '%s\n' "${theirs[@]}" | median)
    # Timed to the hundredth: a scan too quick to time has no ratio.
    ratio=$(awk -v a="$oursm" -v b="$rgm" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}')
    if [[ $ratio != n/a ]]; then
      worst=$(awk -v a="$ratio" -v b="$worst" 'BEGIN {print (b == "n/a" || a > b ? a : b)}')
    fi
  fi
  printf '%-12s %18s %16s %8s\n' "$name" "$oursm" "$rgm" "$ratio"
done
printf '%-40s %8s\n' "highest ratio heritage search / rg (Chinese classes, target < 1)" "$worst"
