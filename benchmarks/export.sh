#!/usr/bin/env bash
# Export benchmark: a catalog holding COUNT media files of SIZE bytes (default 250 × 2 MiB,
# 500 MiB). Prints, in one run, medians over RUNS runs of: heritage import of those media (it
# takes their SHA-256 and SHA-512, which exports reuse); heritage export (folder and zip);
# the references for a bag with both manifests: `cp` of the media, then `openssl dgst -sha256`,
# then `openssl dgst -sha512` over the copy, one after the other, and python3 -m bagit
# --sha256 --sha512 bagging a copy of the same files; heritage verify beside openssl's two
# digests in sequence and python3 -m bagit --validate on the exported bag; the ratios the
# targets name; and the export's peak memory.
# Usage: [HERITAGE_BIN_DIR=…] benchmarks/export.sh [RUNS] [COUNT] [SIZE] (see common.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
count=${2:-250}
size=${3:-2097152}
source benchmarks/common.sh
bin=$(release_bin_dir)/heritage
work=benchmarks/work/export
rm -rf "$work" && mkdir -p "$work"
python3 benchmarks/make_media_catalog.py "$work/source" --count "$count" --size "$size"
"$bin" import --catalog "$work/catalog" "$work/source/records.xml" >/dev/null

declare -A times
memory=0
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/bag" "$work/zipped.zip" "$work/pybag" "$work/again"
  # The import stores the media and takes their SHA-256 and SHA-512, which exports reuse.
  read -r t _ < <(measure "$bin" import --catalog "$work/again" "$work/source/records.xml")
  times[import]+="$t "
  read -r t rss < <(measure "$bin" export --catalog "$work/catalog" --to "$work/bag" --date 2026-11-25)
  times[export]+="$t "; ((rss > memory)) && memory=$rss
  read -r t rss < <(measure "$bin" export --catalog "$work/catalog" --to "$work/zipped" --zip --date 2026-11-25)
  times[zip]+="$t "; ((rss > memory)) && memory=$rss
  rm -rf "$work/copy"
  read -r t _ < <(measure sh -c "cp -r $work/catalog/media $work/copy && openssl dgst -sha256 $work/copy/*/* && openssl dgst -sha512 $work/copy/*/*")
  times[cpopenssl]+="$t "
  read -r t _ < <(measure sh -c "find $work/bag/data -type f -print0 | xargs -0 openssl dgst -sha256 && find $work/bag/data -type f -print0 | xargs -0 openssl dgst -sha512")
  times[openssl]+="$t "
  cp -r "$work/source/media" "$work/pybag"
  read -r t _ < <(measure python3 -m bagit --sha256 --sha512 "$work/pybag")
  times[bagit]+="$t "
  read -r t _ < <(measure "$bin" verify "$work/bag")
  times[verify]+="$t "
  read -r t _ < <(measure python3 -m bagit --validate "$work/bag")
  times[bagitvalidate]+="$t "
done
m() { printf '%s\n' ${times[$1]} | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mb=$(du -sm "$work/catalog/media" | cut -f1)
printf 'media: %s files, %s MB; runs: %s (medians, seconds)\n' "$count" "$mb" "$runs"
printf '%-44s %8s\n' "heritage import (stores and hashes the media)" "$(m import)"
printf '%-44s %8s\n' "heritage export (folder)" "$(m export)"
printf '%-44s %8s\n' "heritage export --zip" "$(m zip)"
printf '%-44s %8s\n' "cp + openssl sha256 + openssl sha512" "$(m cpopenssl)"
printf '%-44s %8s\n' "python3 -m bagit --sha256 --sha512" "$(m bagit)"
printf '%-44s %8s\n' "heritage verify (the exported bag)" "$(m verify)"
printf '%-44s %8s\n' "openssl sha256 + sha512 (the bag's payload)" "$(m openssl)"
printf '%-44s %8s\n' "python3 -m bagit --validate (same bag)" "$(m bagitvalidate)"
printf '%-44s %8s\n' "export peak memory, MB (target < 100)" "$(awk -v k="$memory" 'BEGIN {printf "%.1f", k / 1024}')"
printf '%-44s %8s\n' "ratio zip / folder export (target <= 1.3)" "$(ratio "$(m zip)" "$(m export)")"
printf '%-44s %8s\n' "ratio verify / bagit --validate (target < 1)" "$(ratio "$(m verify)" "$(m bagitvalidate)")"
printf '%-44s %8s\n' "ratio verify / openssl (target <= 1)" "$(ratio "$(m verify)" "$(m openssl)")"
printf '%-44s %8s\n' "ratio export / bagit-python (target < 1)" "$(ratio "$(m export)" "$(m bagit)")"
printf '%-44s %8s\n' "ratio export / cp+openssl (target <= 1)" "$(ratio "$(m export)" "$(m cpopenssl)")"
