#!/usr/bin/env bash
# Server benchmark: `heritage serve` over a catalog of N generated records (default 100,000),
# loaded by wrk (Debian) on loopback with 2 threads and 32 connections for D seconds
# (default 10), RUNS times each (default 3; medians printed): a record GET, a two-character
# search, an English search, ListRecords pages in oai_dc and in the native format (resumption
# tokens collected beforehand), and the front desk's results and record pages (with their
# sizes before compression).
# Beside it, in the same run, datasette (PyPI) serving the same catalog.sqlite (immutable) for
# the same record lookup by primary key. Then a full harvest of every record (pages of 100),
# with the server's resident memory sampled as it goes, and its peak.
# Usage: benchmarks/serve.sh [N] [D] [RUNS]; with REUSE=1 an existing catalog is served again.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
duration=${2:-10}
runs=${3:-3}
if ! command -v wrk >/dev/null; then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq wrk >/dev/null
fi
python3 -c "import datasette" 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check "datasette==0.65.5"
source benchmarks/common.sh
bin=$(release_bin_dir)
work=benchmarks/work
mkdir -p "$work"
file=$(REALISTIC=0 generated_records "$count")
catalog="$work/serve-catalog-$count"
if [[ ${REUSE:-0} == 1 && -d $catalog ]]; then
  "$bin/heritage" migrate --catalog "$catalog" >/dev/null
else
  rm -rf "$catalog"
  "$bin/heritage" import --catalog "$catalog" "$file" >/dev/null
fi
echo '{"oai": {"repositoryIdentifier": "heritage.fuzhou.example", "pageSize": 100}}' >"$catalog/settings.json"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ours_port=$(free_port)
theirs_port=$(free_port)
ours="http://127.0.0.1:$ours_port"
theirs="http://127.0.0.1:$theirs_port"
"$bin/heritage" serve --catalog "$catalog" --port "$ours_port" >/dev/null 2>&1 &
server=$!
datasette serve -i "$catalog/catalog.sqlite" --port "$theirs_port" >/dev/null 2>&1 &
reference=$!
trap 'kill "$server" "$reference" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  curl -fsS "$ours/healthz" >/dev/null 2>&1 && curl -fsS "$theirs/-/versions.json" >/dev/null 2>&1 && break
  sleep 0.2
done

id="gi:gen-$((count / 2))"
id=$(python3 - "$file" "$count" <<'PY'
import re, sys
ids = re.findall(r' id="([^"]+)"', open(sys.argv[1], encoding="utf-8").read(60_000_000))
print(ids[len(ids) // 2])
PY
)
tilde=$(python3 -c 'import sys; print("".join(c if c.isalnum() or c in "_-" else "~%02X" % ord(c) for c in sys.argv[1]))' "$id")
curl -fsS "$theirs/catalog/record/$tilde.json" | grep -q "$id" || { echo "datasette does not find $id" >&2; exit 1; }
curl -fsS "$ours/api/v1/records/$id" | grep -q "$id"

# ListRecords pages: the first 50 pages' resumption tokens, requested round-robin by wrk, in
# oai_dc and in the native format.
for prefix in oai_dc heritage; do
python3 - "$ours" "$work/oai-pages-$prefix.lua" "$prefix" <<'PY'
import re, sys, urllib.request
base, out, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
paths, url = [], base + "/oai?verb=ListRecords&metadataPrefix=" + prefix
for _ in range(50):
    paths.append(url[len(base):])
    body = urllib.request.urlopen(url).read().decode()
    token = re.search(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>", body)
    if not token: break
    url = base + "/oai?verb=ListRecords&resumptionToken=" + token.group(1)
with open(out, "w") as f:
    f.write("paths = {%s}\ni = 0\nrequest = function()\n  i = i %% #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n"
            % ",".join('"%s"' % p for p in paths))
PY
done

ms() { # wrk latency (123.45us, 1.23ms, 1.20s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
load() { # NAME URL [SCRIPT]: medians over RUNS runs of requests/s, median and p99 latency
  local name=$1 url=$2 script=${3:-} rps=() p50=() p99=() errors=0
  for _ in $(seq 1 "$runs"); do
    local out
    out=$(wrk -t2 -c32 -d"${duration}s" --latency ${script:+-s "$script"} "$url")
    rps+=("$(awk '/^Requests\/sec/ {print $2}' <<<"$out")")
    p50+=("$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")")
    p99+=("$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")")
    if grep -q "Non-2xx" <<<"$out"; then errors=1; fi
  done
  printf '%-34s %10s %10s %10s%s\n' "$name" "$(printf '%s\n' "${rps[@]}" | median)" \
    "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" \
    "$( ((errors)) && echo "  (non-2xx answers!)")"
  printf '%s\n' "${rps[@]}" | median >"$work/rps-$name.txt"
}
echo "records: $count; wrk -t2 -c32 -d${duration}s, $runs runs each (medians); record $id"
printf '%-34s %10s %10s %10s\n' "endpoint" "req/s" "p50 ms" "p99 ms"
load "datasette-record" "$theirs/catalog/record/$tilde.json"
load "heritage-record" "$ours/api/v1/records/$id"
load "heritage-search-two" "$ours/api/v1/search?q=%E8%8C%89%E8%8E%89"
load "heritage-search-english" "$ours/api/v1/search?q=jasmine"
load "heritage-oai-listrecords" "$ours" "$work/oai-pages-oai_dc.lua"
load "heritage-oai-listrecords-native" "$ours" "$work/oai-pages-heritage.lua"
load "heritage-page-results" "$ours/search?q=%E8%8C%89%E8%8E%89"
load "heritage-page-record" "$ours/records/$id"
for page in "/search?q=%E8%8C%89%E8%8E%89" "/records/$id" "/"; do
  printf 'page size %-34s %8s bytes\n' "$page" "$(curl -fsS "$ours$page" | wc -c)"
done
reference_rps=$(cat "$work/rps-datasette-record.txt")
for name in heritage-record heritage-search-two heritage-search-english; do
  printf 'ratio %-28s %8.2f× datasette record lookup\n' "$name" \
    "$(awk -v a="$(cat "$work/rps-$name.txt")" -v b="$reference_rps" 'BEGIN {print a / b}')"
done

# A full harvest, pages of 100, the server's resident memory sampled every 100 pages.
python3 - "$ours" "$server" <<'PY'
import re, sys, urllib.request
base, pid = sys.argv[1], sys.argv[2]
def memory(field):
    for line in open("/proc/%s/status" % pid):
        if line.startswith(field):
            return int(line.split()[1]) // 1024
samples, records, pages = [memory("VmRSS")], 0, 0
url = base + "/oai?verb=ListRecords&metadataPrefix=heritage"
while url:
    body = urllib.request.urlopen(url).read().decode()
    records += body.count("<record>")
    pages += 1
    if pages % 100 == 0:
        samples.append(memory("VmRSS"))
    token = re.search(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>", body)
    url = base + "/oai?verb=ListRecords&resumptionToken=" + token.group(1) if token else None
samples.append(memory("VmRSS"))
print("full harvest: %d records in %d pages; server RSS MB every 100 pages: %s; peak (VmHWM) %d MB"
      % (records, pages, " ".join(map(str, samples)), memory("VmHWM")))
PY
