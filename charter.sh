#!/usr/bin/env bash
# Sets up, builds and runs charterkit on Debian 12.
#
#   ./charter.sh reproduce   install what is missing, build, run the main job
#   ./charter.sh test        install what is missing, build, run every test
#   ./charter.sh build       install what is missing and build into build/
#   ./charter.sh run ARGS    build, then run `charter ARGS`
#   ./charter.sh bench       build with the benchmarks, run them and the peers (bench/run.sh)
#
# Missing Debian packages are installed with apt-get (as root, or through sudo).
# Environment: BUILD_DIR (default: build; build-bench for bench), CMAKE_ARGS (extra configure options),
# EXTRA_PACKAGES (more Debian packages to install first, e.g. chromium for the report's browser test).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${BUILD_DIR:-$here/build}

# Everything the build and the tests need, by Debian package name.
packages=(
  cmake ninja-build g++
  libicu-dev libboost-program-options-dev libyaml-cpp-dev libpugixml-dev
  catch2 unicode-data
)

install_missing() {
  local missing=() p
  for p in "${packages[@]}" "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != installed ]; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "charter.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "charter.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  # shellcheck disable=SC2086 # EXTRA_PACKAGES is a list of package names
  install_missing "$@" ${EXTRA_PACKAGES:-}
  # shellcheck disable=SC2086 # CMAKE_ARGS is a list of options
  cmake -S "$here" -B "$build_dir" -G Ninja ${CMAKE_ARGS:-}
  cmake --build "$build_dir"
}

case "${1:-}" in
  reproduce)
    build
    "$build_dir/tools/charter" reproduce
    ;;
  test)
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
    ;;
  build)
    build
    ;;
  bench)
    CMAKE_ARGS="${CMAKE_ARGS:-} -DCHARTERKIT_BUILD_BENCHMARKS=ON -DCMAKE_BUILD_TYPE=Release"
    build_dir=${BUILD_DIR:-$here/build-bench}
    # What bench/run.sh times charterkit against, besides what the build needs.
    build libbenchmark-dev hyperfine python3 python3-sklearn r-base-core \
      r-cran-stringi r-cran-tidytext r-cran-tm r-cran-stringdist
    BUILD_DIR=$build_dir exec "$here/bench/run.sh"
    ;;
  run)
    shift
    build >&2
    exec "$build_dir/tools/charter" "$@"
    ;;
  *)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
