# Shared by the benchmark scripts, sourced from the repository's root: the build to time and
# the helpers that time it.
#
# HERITAGE_BIN_DIR=DIR (or HERITAGE_BIN=DIR/heritage) times another build's executables (an
# older commit's, say) on the same input; otherwise the sources are built in release mode.
release_bin_dir() {
  if [[ -n ${HERITAGE_BIN_DIR:-} ]]; then
    echo "$HERITAGE_BIN_DIR"
  elif [[ -n ${HERITAGE_BIN:-} ]]; then
    dirname "$HERITAGE_BIN"
  else
    scripts/setup >&2
    swift build -c release >/dev/null
    swift build -c release --show-bin-path
  fi
}

# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Runs a command once and prints "seconds maxrss_kb" (its output discarded; files in $work).
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; return 1; }
  cat "$work/time.txt"
}

# Prints the path of the generated file of COUNT records in $work, writing it first when it is
# not there (seeded, so every run reads the same records): the worst case, or with
# REALISTIC=1 the records of `generate.py --realistic`.
generated_records() {
  local count=$1 file
  if [[ ${REALISTIC:-0} == 1 ]]; then
    mkdir -p "$work/realistic"
    file="$work/realistic/records-$count.xml"
    [[ -f $file ]] || python3 benchmarks/generate.py "$count" --seed 7 --realistic --out "$file" >&2
  else
    file="$work/records-$count.xml"
    [[ -f $file ]] || python3 benchmarks/generate.py "$count" --seed 7 --out "$file" >&2
  fi
  echo "$file"
}
