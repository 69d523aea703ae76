#!/usr/bin/env bash
# Benchmarks charterkit against its peers and writes a Markdown table.
#
#   ./charter.sh bench                 install what is missing, build, run this
#   BENCH_SIZES="1 10" bench/run.sh    a quick run on an existing build
#
# 1. Writes synthetic English/Russian corpora (charterkit_gencorpus) under the
#    build folder, one per size.
# 2. Runs the Google Benchmark programs (charterkit_bench; charterkit_pipeline_bench
#    when built, on the corpus of BENCH_PIPELINE_MB).
# 3. Times word counting (tokenize + count) on each corpus with hyperfine:
#    `charter words` (on every processor, and on one) and the peers in
#    bench/peers/ (Python re + Counter, scikit-learn, R stringi, tidytext,
#    tm). MB/s = file size / median time of whole runs, start-up included.
# 4. With the ToTA corpus at ../shared/corpora/tota: times `charter similarity
#    --measure char5-jaccard` on English treaties and stringdist.R on a sample
#    of their pairs.
# Writes BUILD_DIR/results.md and prints it. A tool that is missing is skipped
# with a message.
#
# Environment:
#   BUILD_DIR          Release build with -DCHARTERKIT_BUILD_BENCHMARKS=ON (default: build-bench)
#   BENCH_SIZES        corpus sizes in MB, 10^6 bytes (default: "1 10 100 200")
#   BENCH_R_MAX_MB     largest corpus given to the R peers (default: 10)
#   BENCH_RUNS         timed runs per command, after one warm-up run (default: 3)
#   BENCH_PIPELINE_MB  corpus size for charterkit_pipeline_bench (default: 10)
#   BENCH_TOTA_DOCS    English ToTA treaties compared (default: 100; 0: all)
#   BENCH_PAIRS        pairs of treaties stringdist.R times (default: 200)
#   BENCH_THREADS      --threads of charter similarity (default: number of processors)
#   PYTHON             the Python that has scikit-learn (default: /usr/bin/python3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build-bench}
sizes=${BENCH_SIZES:-1 10 100 200}
r_max_mb=${BENCH_R_MAX_MB:-10}
runs=${BENCH_RUNS:-3}
pipeline_mb=${BENCH_PIPELINE_MB:-10}
tota_docs=${BENCH_TOTA_DOCS:-100}
pairs=${BENCH_PAIRS:-200}
threads=${BENCH_THREADS:-$(nproc)}
python=${PYTHON:-/usr/bin/python3}
[ -x "$python" ] || python=$(command -v python3 || true)
peers=$here/bench/peers
charter=$build_dir/tools/charter
gencorpus=$build_dir/bench/charterkit_gencorpus
corpus_dir=$build_dir/corpus
out=$build_dir/bench-results
tota=$here/../shared/corpora/tota/xml

say() { echo "run.sh: $*" >&2; }

# Links the first LIMIT (0: all) English ToTA treaties, in number order, into
# DIR (links, not copies) and prints how many.
link_english_tota() {
  local dir=$1 limit=$2 n=0 f
  rm -rf "$dir"
  mkdir -p "$dir"
  while read -r f; do
    [ "$limit" -gt 0 ] && [ "$n" -ge "$limit" ] && break
    ln -s "$f" "$dir/$(basename "$f")"
    n=$((n + 1))
  done < <(grep -l '<language>en</language>' "$tota"/*.xml | sort -V)
  echo "$n"
}

for tool in "$charter" "$gencorpus"; do
  if [ ! -x "$tool" ]; then
    say "$tool is missing; build with ./charter.sh bench (or cmake -DCHARTERKIT_BUILD_BENCHMARKS=ON -DCMAKE_BUILD_TYPE=Release)"
    exit 1
  fi
done
if [ -z "$python" ]; then
  say "python3 is missing: it writes the results table (apt-get install python3)"
  exit 1
fi
mkdir -p "$out" "$corpus_dir"
rm -f "$out"/*.json "$out"/*.out "$out"/rows.tsv "$out"/similarity.tsv
touch "$out/rows.tsv" "$out/similarity.tsv"

# --- corpora -----------------------------------------------------------------
corpus_file() { echo "$corpus_dir/en-ru-$1.txt"; }
for mb in $sizes; do
  file=$(corpus_file "$mb")
  if [ ! -s "$file" ] || [ "$gencorpus" -nt "$file" ]; then
    say "writing $file"
    "$gencorpus" --mb "$mb" --out "$file"
  fi
done

# --- Google Benchmark programs ---------------------------------------------------
"$build_dir/bench/charterkit_bench" --benchmark_out="$out/gbench-matcher.json" --benchmark_out_format=json
if [ -x "$build_dir/bench/charterkit_pipeline_bench" ]; then
  pipeline_corpus=$(corpus_file "$pipeline_mb")
  if [ ! -s "$pipeline_corpus" ]; then
    "$gencorpus" --mb "$pipeline_mb" --out "$pipeline_corpus"
  fi
  folder=
  if [ -d "$tota" ]; then
    folder=$build_dir/tota-en-all
    say "$(link_english_tota "$folder" 0) English ToTA treaties in $folder (BM_Folder)"
  fi
  CHARTERKIT_BENCH_CORPUS=$pipeline_corpus CHARTERKIT_BENCH_FOLDER=$folder "$build_dir/bench/charterkit_pipeline_bench" \
    --benchmark_out="$out/gbench-pipeline.json" --benchmark_out_format=json
else
  say "charterkit_pipeline_bench is not built; skipped"
fi

# --- word counting next to the peers --------------------------------------------
have_hyperfine=yes
command -v hyperfine >/dev/null || { have_hyperfine=; say "hyperfine is missing (apt-get install hyperfine): timings skipped"; }
have_r_package() { command -v Rscript >/dev/null && Rscript -e "quit(status = !requireNamespace('$1', quietly = TRUE))" >/dev/null 2>&1; }
have_sklearn() { "$python" -c 'import sklearn' >/dev/null 2>&1; }

# Times COMMAND (which writes what it counted to OUTPUT) with hyperfine and
# appends a row to rows.tsv: size, bytes, name, kind, json, output.
time_it() {
  local mb=$1 name=$2 kind=$3 output=$4 command=$5 json
  json=$out/$(echo "$name-$mb" | tr -c 'A-Za-z0-9.\n-' '_').json
  say "timing $name on $(corpus_file "$mb")"
  if hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$json" -n "$name" "$command" >&2; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$mb" "$(stat -c %s "$(corpus_file "$mb")")" "$name" "$kind" "$json" "$output" >>"$out/rows.tsv"
  else
    say "$name failed on $(corpus_file "$mb"); left out"
    printf '%s\t%s\t%s\t%s\t\tfailed\n' "$mb" "$(stat -c %s "$(corpus_file "$mb")")" "$name" "$kind" >>"$out/rows.tsv"
  fi
}

# Leaves a row that says why a peer did not run.
skip_row() {
  printf '%s\t%s\t%s\tpeer\t\t%s\n' "$1" "$(stat -c %s "$(corpus_file "$1")")" "$2" "$3" >>"$out/rows.tsv"
}

if [ -n "$have_hyperfine" ]; then
  for mb in $sizes; do
    file=$(corpus_file "$mb")
    o=$out/words-$mb
    time_it "$mb" "charter words" charterkit "$o.tsv" "'$charter' words '$file' --format tsv -o '$o.tsv'"
    time_it "$mb" "charter words, 1 thread" charterkit "$o.j1.tsv" "'$charter' words '$file' -j1 --format tsv -o '$o.j1.tsv'"
    time_it "$mb" "Python re + Counter" peer "$o.counter.out" "'$python' '$peers/counter.py' '$file' > '$o.counter.out'"
    if have_sklearn; then
      time_it "$mb" "scikit-learn CountVectorizer (one document)" peer "$o.sklearn.out" "'$python' '$peers/sklearn.py' '$file' > '$o.sklearn.out'"
    else
      say "scikit-learn is missing for $python (apt-get install python3-sklearn); skipped"
      skip_row "$mb" "scikit-learn CountVectorizer (one document)" "not installed"
    fi
    for r in stringi tidytext tm; do
      if ! have_r_package "$r"; then
        say "R package $r is missing (apt-get install r-cran-$r); skipped"
        skip_row "$mb" "R $r" "not installed"
      elif awk -v a="$mb" -v b="$r_max_mb" 'BEGIN { exit !(a > b) }'; then
        skip_row "$mb" "R $r" "not run above $r_max_mb MB (BENCH_R_MAX_MB)"
      else
        time_it "$mb" "R $r" peer "$o.$r.out" "Rscript '$peers/$r.R' '$file' > '$o.$r.out'"
      fi
    done
  done
fi

# --- similarity of real treaties (ToTA) -----------------------------------------
if [ ! -d "$tota" ]; then
  say "no ToTA corpus at $tota; similarity timings skipped"
else
  tota_en=$build_dir/tota-en
  n=$(link_english_tota "$tota_en" "$tota_docs")
  say "$n English ToTA treaties in $tota_en"
  if ! "$charter" similarity --help >/dev/null 2>&1; then
    say "this charter has no 'similarity' command; skipped"
    printf 'charter similarity (char5-jaccard)\t%s\t\t\tno similarity command\n' "$n" >>"$out/similarity.tsv"
  elif [ -n "$have_hyperfine" ]; then
    say "timing charter similarity on $n treaties"
    if hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$out/similarity.json" -n "charter similarity" \
        "'$charter' similarity '$tota_en' --measure char5-jaccard --format csv --threads $threads" >&2; then
      printf 'charter similarity (char5-jaccard, %s threads)\t%s\t%s\t%s\t\n' "$threads" "$n" $((n * (n - 1) / 2)) \
        "$out/similarity.json" >>"$out/similarity.tsv"
    else
      say "charter similarity failed; left out"
    fi
  fi
  if have_r_package stringdist; then
    say "timing stringdist on $pairs pairs"
    if line=$(Rscript "$peers/stringdist.R" --pairs "$pairs" "$tota_en"); then
      printf 'R stringdist (jaccard, q = 5, 1 thread)\t%s\t%s\t\t%s\n' "$n" \
        "$(echo "$line" | awk '{ for (i = 1; i < NF; ++i) if ($i == "pairs") print $(i + 1) }')" "$line" >>"$out/similarity.tsv"
    else
      say "stringdist.R failed; left out"
    fi
  else
    say "R package stringdist is missing (apt-get install r-cran-stringdist); skipped"
  fi
fi

# --- the table ---------------------------------------------------------------------
"$python" - "$out" "$build_dir/results.md" "$runs" "$r_max_mb" "$("$charter" --version)" <<'EOF'
import json, os, platform, sys

out, results, runs, r_max_mb, version = sys.argv[1:6]

def median(path):
    with open(path) as f:
        return json.load(f)["results"][0]["median"]

def counted(path):
    """distinct words and tokens the command reported (or wrote, for charter words)."""
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".tsv"):
        rows = [l.split("\t") for l in text.splitlines()[1:]]
        return len(rows), sum(int(r[1]) for r in rows)
    fields = text.split()
    return int(fields[fields.index("distinct") + 1]), int(fields[fields.index("tokens") + 1])

def load():
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "unknown"

def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"

lines = ["# Benchmarks", "",
         f"{version}; {cpu()}, {os.cpu_count()} processors, load average {load()} at the end; "
         f"hyperfine, 1 warm-up + {runs} runs, median.", "",
         "## Word frequencies (tokenize + count)", "",
         "Whole runs of each program on the same synthetic English/Russian file, start-up included.",
         "MB = 10^6 bytes. `vs fastest peer`: this row's MB/s over the fastest peer's on the same file.",
         f"The R peers are run on files of at most {r_max_mb} MB. Words are not cut alike everywhere:",
         "scikit-learn's default pattern leaves out one-character words; tm cuts at white space once",
         "punctuation is removed; tidytext reads the file line by line; the others cut by Unicode's rules",
         "or by `\\w+`.", "",
         "| file | what | distinct words | tokens | MB/s | median s | vs fastest peer |",
         "|---|---|---:|---:|---:|---:|---:|"]
rows = []
with open(os.path.join(out, "rows.tsv"), encoding="utf-8") as f:
    for line in f:
        mb, size, name, kind, js, note = line.rstrip("\n").split("\t")
        row = {"mb": mb, "size": int(size), "name": name, "kind": kind, "note": note, "median": None}
        if js:
            row["median"] = median(js)
            row["counted"] = counted(note)
        rows.append(row)
for mb in dict.fromkeys(r["mb"] for r in rows):
    group = [r for r in rows if r["mb"] == mb]
    speeds = [r["size"] / 1e6 / r["median"] for r in group if r["kind"] == "peer" and r["median"]]
    fastest = max(speeds) if speeds else None
    for r in group:
        label = f"{mb} MB"
        if r["median"] is None:
            lines.append(f"| {label} | {r['name']} | | | | | {r['note']} |")
            continue
        speed = r["size"] / 1e6 / r["median"]
        c = r.get("counted")
        distinct, tokens = (f"{c[0]:,}", f"{c[1]:,}") if c else ("?", "?")
        ratio = f"{speed / fastest:.2f}" if fastest else ""
        lines.append(f"| {label} | {r['name']} | {distinct} | {tokens} | {speed:.2f} | {r['median']:.3f} | {ratio} |")

sim = []
with open(os.path.join(out, "similarity.tsv"), encoding="utf-8") as f:
    for line in f:
        name, docs, pairs, js, note = line.rstrip("\n").split("\t")
        if js:
            t = median(js)
            sim.append((name, docs, pairs, f"{1000 * t / int(pairs):.3f}", f"{t:.3f} s for all pairs, load included"))
        elif "ms_per_pair" in note:
            fields = note.split()
            sim.append((name, docs, pairs, fields[fields.index("ms_per_pair") + 1], "sampled pairs, only the calls timed"))
        else:
            sim.append((name, docs, pairs, "", note))
if sim:
    lines += ["", "## Character 5-gram Jaccard between English ToTA treaties", "",
              "| what | treaties | pairs | ms per pair | note |", "|---|---:|---:|---:|---|"]
    lines += [f"| {' | '.join(s)} |" for s in sim]

gbench = []
for name in ("matcher", "pipeline"):
    path = os.path.join(out, f"gbench-{name}.json")
    if os.path.exists(path):
        with open(path) as f:
            for b in json.load(f)["benchmarks"]:
                if b.get("run_type", "iteration") != "iteration":
                    continue
                rate = b.get("bytes_per_second")
                extra = f"{rate / 1e6:.2f} MB/s" if rate else ""
                if not rate and "items_per_second" in b:
                    extra = f"{b['items_per_second'] / 1e6:.2f} M tokens/s"
                gbench.append((b["name"], f"{b['real_time']:.3f} {b['time_unit']}", extra))
if gbench:
    lines += ["", "## Google Benchmark", "", "| benchmark | time | throughput |", "|---|---:|---:|"]
    lines += [f"| {' | '.join(g)} |" for g in gbench]

text = "\n".join(lines) + "\n"
with open(results, "w", encoding="utf-8") as f:
    f.write(text)
sys.stdout.write(text)
EOF
say "written $build_dir/results.md"
