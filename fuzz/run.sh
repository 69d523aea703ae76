#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 30), seeded from the test fixtures and the built-in corpus.
#   fuzz/run.sh [SECONDS] [TARGET...]     targets: text segment codebook tota claims table coding
# Crashes are written to build-fuzz/crashes/TARGET/; keep them as regression inputs.
# FUZZ_SEED fixes libFuzzer's random seed (CI sets it, so that its runs repeat).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text segment codebook tota claims table coding)
build=${FUZZ_BUILD_DIR:-$here/build-fuzz}
CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCHARTERKIT_FUZZ=ON -DCHARTERKIT_BUILD_TESTS=OFF \
  -DCHARTERKIT_BUILD_TOOLS=OFF -DCHARTERKIT_INSTALL=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"
seed() {  # seed TARGET FILES...: copy seeds into the target's corpus folder
  local dir=$build/corpus/$1
  shift
  mkdir -p "$dir"
  cp "$@" "$dir/"
}
seed text "$here"/tests/data/*.txt "$here"/corpus/stopwords/kk.txt
seed segment "$here"/tests/data/*.txt
seed codebook "$here"/tests/data/bad-codebook.yaml "$here"/tests/data/sample.dic "$here"/corpus/headings.yaml
seed tota "$here"/tests/data/sample-tota.xml
seed claims "$here"/corpus/claims/claims.yaml
seed table "$here"/tests/data/mixed.txt
seed coding "$here"/tests/data/validation/*.csv
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/crashes/$t"
  echo "fuzz_$t: ${seconds}s" >&2
  if ! "$build/fuzz/fuzz_$t" "$build/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
      -artifact_prefix="$build/crashes/$t/" -print_final_stats=1 2>"$build/fuzz_$t.log"; then
    echo "fuzz_$t found a problem: see $build/fuzz_$t.log and $build/crashes/$t/" >&2
    tail -40 "$build/fuzz_$t.log" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$build/fuzz_$t.log" >&2 || true
done
exit $status
