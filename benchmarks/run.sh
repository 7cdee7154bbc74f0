#!/usr/bin/env bash
# Whole-process benchmark: rest2grpc `convert` (plain `java -jar` and the shipped launcher) vs
# openapi-generator `protobuf-schema` vs swagger-parser's own parse, on the same large specs,
# interleaved, medians. See README.md.
#
# Not part of .ci/run: openapi-generator needs minutes on some of these specs.
#
# Environment (all optional):
#   RUNS=5               whole-process runs per spec of rest2grpc and of the parse baseline
#   GENERATOR_RUNS=3     whole-process runs per spec of openapi-generator, at most (0 skips it)
#   GEN_BUDGET=300       seconds: no further generator run on a spec once its runs so far add up to
#                        this (at least one run each; 0 = no budget). It takes minutes on some specs.
#   GENERATOR_VERSION=7.25.0
#   WARM_ROUNDS=10       in-process rounds per spec for the warm figures (0 skips them)
#   CORPUS=../shared/corpus          beside the repo, as the tests read it; corpus/fetch.sh fetches it
#   SPECS="large/openai.yaml ..."   paths relative to CORPUS
#   R2G_HEAP=-Xmx512m    heap for rest2grpc (the target says it must succeed with 512m)
#   GEN_TIMEOUT=900 R2G_TIMEOUT=300 PARSE_TIMEOUT=300   seconds, per single run
#   SKIP_BUILD=1         use benchmarks/target/tools/openapi-to-proto.jar (and launcher) as they are
#
# Output: benchmarks/target/bench/ (raw.csv, per-run logs, outputs, summary.md); the summary
# table is also printed at the end.
set -uo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"

RUNS="${RUNS:-5}"
GENERATOR_RUNS="${GENERATOR_RUNS:-3}"
GENERATOR_VERSION="${GENERATOR_VERSION:-7.25.0}"
GEN_BUDGET="${GEN_BUDGET:-300}"
WARM_ROUNDS="${WARM_ROUNDS:-10}"
CORPUS="${CORPUS:-$(cd "$ROOT/.." && pwd)/shared/corpus}"
[[ -d "$CORPUS" ]] || { echo "no corpus at $CORPUS (set CORPUS=DIR); fetch it with: corpus/fetch.sh $CORPUS" >&2; exit 1; }
SPECS="${SPECS:-large/openai.yaml large/sentry-derefed.json large/box.json evolution/stripe/v2.yaml}"
R2G_HEAP="${R2G_HEAP:--Xmx512m}"
GEN_TIMEOUT="${GEN_TIMEOUT:-900}"
R2G_TIMEOUT="${R2G_TIMEOUT:-300}"
PARSE_TIMEOUT="${PARSE_TIMEOUT:-300}"

TOOLS="$BENCH_DIR/target/tools"
CLASSES="$BENCH_DIR/target/classes"
OUT="$BENCH_DIR/target/bench"
R2G_JAR="$TOOLS/openapi-to-proto.jar"
R2G_LAUNCHER="$TOOLS/openapi-to-proto"   # the launcher finds the jar beside it
# the launcher's class-data-sharing archive, and the parse baseline's, made afresh by each run
CDS="$OUT/cds"
LOCKS="$OUT/locks"
# the launcher's JVM flags, also given to the second parse baseline (the launcher's CDS aside)
FAST_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
GEN_JAR="$TOOLS/openapi-generator-cli-$GENERATOR_VERSION.jar"
mkdir -p "$TOOLS" "$CLASSES" "$OUT"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---- 1. converter jar (a snapshot copy, so a concurrent rebuild cannot swap it mid-run) -----------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  for attempt in 1 2 3 4 5; do
    log "building openapi-to-proto (attempt $attempt)"
    if ./mvnw -q -B -ntp -DskipTests -pl openapi-to-proto -am package >"$OUT/build.log" 2>&1; then
      cp openapi-to-proto/target/openapi-to-proto.jar "$R2G_JAR"
      cp openapi-to-proto/target/openapi-to-proto "$R2G_LAUNCHER"
      chmod +x "$R2G_LAUNCHER"
      break
    fi
    tail -20 "$OUT/build.log" >&2
    [[ $attempt == 5 ]] && { log "build failed 5 times, giving up"; exit 1; }
    sleep 60
  done
fi
[[ -f "$R2G_JAR" && -x "$R2G_LAUNCHER" ]] || { log "missing $R2G_JAR or $R2G_LAUNCHER"; exit 1; }

# ---- 2. openapi-generator-cli from Maven Central (via the local repository) ---------------------
if (( GENERATOR_RUNS > 0 )) && [[ ! -f "$GEN_JAR" ]]; then
  log "fetching openapi-generator-cli $GENERATOR_VERSION"
  ./mvnw -q -B -ntp -N dependency:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" \
    -DoutputDirectory="$TOOLS" >"$OUT/fetch.log" 2>&1 || { cat "$OUT/fetch.log" >&2; exit 1; }
fi

# ---- 3. the parse-only baseline and the warm harness, compiled once (not timed) -----------------
javac -nowarn -d "$CLASSES" -cp "$R2G_JAR" "$BENCH_DIR"/src/*.java || exit 1
# as a jar: class-data sharing refuses a non-empty directory on the class path
BENCH_JAR="$TOOLS/bench.jar"
jar cf "$BENCH_JAR" -C "$CLASSES" . || exit 1

# ---- 4. interleaved whole-process runs -------------------------------------------------------------
RAW="$OUT/raw.csv"
echo "tool,spec,run,rc,wall_s,maxrss_kb,protos,messages" >"$RAW"
WARM="$OUT/warm.csv"
echo "spec,parse_ms,convert_ms" >"$WARM"

{
  echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "uptime-before: $(uptime)"
  echo "nproc: $(nproc)"
  echo "mem: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null) $(git status --porcelain -- openapi-to-proto 2>/dev/null | grep -q . && echo '(openapi-to-proto has uncommitted changes)')"
  echo "r2g-jar-sha256: $(sha256sum "$R2G_JAR" | cut -c1-16)"
  echo "generator: openapi-generator-cli $GENERATOR_VERSION"
  echo "settings: RUNS=$RUNS GENERATOR_RUNS=$GENERATOR_RUNS GEN_BUDGET=$GEN_BUDGET WARM_ROUNDS=$WARM_ROUNDS R2G_HEAP=$R2G_HEAP"
  echo "launcher flags: $FAST_FLAGS + class-data-sharing archive (made by the launcher's first convert)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# 1-minute load average every 15 s while the runs go on (the machine is shared); summarize.py reports it
( while true; do echo "$(date +%H:%M:%S) $(cut -d' ' -f1 /proc/loadavg)"; sleep 15; done ) >"$OUT/load.txt" &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null' EXIT

# run_one TOOL SPEC RUN TIMEOUT OUTDIR -- command...
run_one() {
  local tool=$1 spec=$2 run=$3 limit=$4 outdir=$5
  shift 6
  local name; name="$(basename "$spec")"
  local logf="$OUT/logs/$tool-$name-$run.log" timef="$OUT/logs/$tool-$name-$run.time"
  mkdir -p "$OUT/logs"
  [[ -n "$outdir" ]] && rm -rf "$outdir"
  /usr/bin/time -f "%e %M" -o "$timef" timeout "$limit" "$@" >"$logf" 2>&1
  local rc=$?
  local wall maxrss
  read -r wall maxrss < <(tail -1 "$timef")
  local protos="" messages=""
  if [[ -n "$outdir" && -d "$outdir" ]]; then
    protos=$(find "$outdir" -name '*.proto' | wc -l)
    messages=$(find "$outdir" -name '*.proto' -exec cat {} + 2>/dev/null | grep -cE '^\s*message\s' || true)
  fi
  echo "$tool,$spec,$run,$rc,$wall,$maxrss,$protos,$messages" >>"$RAW"
  log "$(printf '%-9s %-26s run %d: rc=%d %6ss %7s KB %s' "$tool" "$spec" "$run" "$rc" "$wall" "$maxrss" "${protos:+$protos protos}")"
  if [[ $rc != 0 ]]; then
    log "  last lines of $logf:"; tail -5 "$logf" | sed 's/^/    /' >&2
  fi
}

# Flags openapi-generator needs, beyond the common ones, to get through a spec at all. Without them
# it exits 1 on sentry: "RuntimeException: reserved word 24h not allowed" (ProtobufSchemaCodegen
# refuses a property named 24h); the name mapping renames only that property.
generator_fixes() {
  case "$1" in
    */sentry-derefed.json) echo "--name-mappings 24h=last_24h" ;;
  esac
}

# The launcher writes its class-data-sharing archive on its first conversion; that run is timed
# once, apart (tool launcher-first), and every later launcher run maps the archive. The second
# parse baseline gets the same flags and an archive of its own, made the same way (untimed).
rm -rf "$CDS" "$LOCKS"
mkdir -p "$CDS" "$LOCKS" "$OUT/logs"
# Every timed conversion reads and rewrites a lock, as every conversion of a project after its first
# does (the default lock sits beside the spec; here it goes under $OUT, never into the corpus). Each
# spec's lock is written by one untimed conversion; the launcher's first run below uses its own.
for spec in $SPECS; do
  java "$R2G_HEAP" -jar "$R2G_JAR" convert "$CORPUS/$spec" -o "$OUT/out/lock-$(basename "$spec")" \
    --lock "$LOCKS/$(basename "$spec").json" >"$OUT/logs/lock-$(basename "$spec").log" 2>&1 \
    || { log "the untimed conversion writing the lock of $spec failed, see $OUT/logs"; exit 1; }
done
first_spec="$CORPUS/${SPECS%% *}"
run_one launcher-first "${SPECS%% *}" 1 "$R2G_TIMEOUT" "$OUT/out/launcher-first" -- \
  env OPENAPI_TO_PROTO_CACHE="$CDS" JAVA_OPTS="$R2G_HEAP" "$R2G_LAUNCHER" convert "$first_spec" \
    -o "$OUT/out/launcher-first" --lock "$OUT/out/launcher-first.lock.json"
java $FAST_FLAGS -XX:ArchiveClassesAtExit="$CDS/parse.jsa" -cp "$R2G_JAR:$BENCH_JAR" ParseOnly "$first_spec" >"$OUT/logs/parse-cds.log" 2>&1
ls "$CDS"/openapi-to-proto-*.jsa "$CDS/parse.jsa" >/dev/null || { log "no class-data-sharing archive made, see $OUT/logs"; exit 1; }

max_runs=$(( RUNS > GENERATOR_RUNS ? RUNS : GENERATOR_RUNS ))
for spec in $SPECS; do
  file="$CORPUS/$spec"
  [[ -f "$file" ]] || { log "missing $file"; exit 1; }
  name="$(basename "$spec")"
  gen_spent=0
  for (( i = 1; i <= max_runs; i++ )); do
    if (( i <= RUNS )); then
      # the floor for any whole-process figure: the same JVM, same jar, doing nothing but print its version
      run_one startup "$spec" "$i" 60 "" -- java "$R2G_HEAP" -jar "$R2G_JAR" --version
      run_one rest2grpc "$spec" "$i" "$R2G_TIMEOUT" "$OUT/out/rest2grpc-$name" -- \
        java "$R2G_HEAP" -jar "$R2G_JAR" convert "$file" -o "$OUT/out/rest2grpc-$name" \
          --lock "$LOCKS/$name.json"
      run_one launcher-startup "$spec" "$i" 60 "" -- \
        env OPENAPI_TO_PROTO_CACHE="$CDS" JAVA_OPTS="$R2G_HEAP" "$R2G_LAUNCHER" --version
      run_one launcher "$spec" "$i" "$R2G_TIMEOUT" "$OUT/out/launcher-$name" -- \
        env OPENAPI_TO_PROTO_CACHE="$CDS" JAVA_OPTS="$R2G_HEAP" "$R2G_LAUNCHER" convert "$file" -o "$OUT/out/launcher-$name" \
          --lock "$LOCKS/$name.json"
      run_one launcher-nolock "$spec" "$i" "$R2G_TIMEOUT" "$OUT/out/launcher-nolock-$name" -- \
        env OPENAPI_TO_PROTO_CACHE="$CDS" JAVA_OPTS="$R2G_HEAP" "$R2G_LAUNCHER" convert "$file" -o "$OUT/out/launcher-nolock-$name" --no-lock
      run_one parse "$spec" "$i" "$PARSE_TIMEOUT" "" -- \
        java -cp "$R2G_JAR:$BENCH_JAR" ParseOnly "$file"
      run_one parse-fast "$spec" "$i" "$PARSE_TIMEOUT" "" -- \
        java $FAST_FLAGS -XX:SharedArchiveFile="$CDS/parse.jsa" -cp "$R2G_JAR:$BENCH_JAR" ParseOnly "$file"
    fi
    if (( i <= GENERATOR_RUNS )) && (( GEN_BUDGET == 0 || gen_spent < GEN_BUDGET )); then
      run_one generator "$spec" "$i" "$GEN_TIMEOUT" "$OUT/out/generator-$name" -- \
        java -DmaxYamlCodePoints=50000000 -jar "$GEN_JAR" generate -g protobuf-schema \
          -i "$file" -o "$OUT/out/generator-$name" --skip-validate-spec $(generator_fixes "$spec")
      gen_spent=$(( gen_spent + $(tail -1 "$OUT/logs/generator-$name-$i.time" | cut -d' ' -f1 | cut -d. -f1) ))
      (( i < GENERATOR_RUNS && GEN_BUDGET > 0 && gen_spent >= GEN_BUDGET )) && \
        log "generator: ${gen_spent}s spent on $spec, over GEN_BUDGET=${GEN_BUDGET}s, no further generator runs on it"
    fi
  done
  if (( WARM_ROUNDS > 0 )); then
    log "warm: $WARM_ROUNDS in-process rounds on $spec"
    if timeout 900 java "$R2G_HEAP" -cp "$R2G_JAR:$BENCH_JAR" Warm "$WARM_ROUNDS" "$file" "$OUT/out/warm-$name" "$LOCKS/$name.json" \
        >"$OUT/logs/warm-$name.log" 2>&1; then
      line=$(grep '^warm-median' "$OUT/logs/warm-$name.log")
      p=$(sed -E 's/.*parse_ms=([0-9]+).*/\1/' <<<"$line")
      c=$(sed -E 's/.*convert_ms=([0-9]+).*/\1/' <<<"$line")
      echo "$spec,$p,$c" >>"$WARM"
      log "  $line"
    else
      log "  warm harness failed: $(tail -3 "$OUT/logs/warm-$name.log")"
      echo "$spec,," >>"$WARM"
    fi
  fi
done

echo "uptime-after: $(uptime)" >>"$OUT/machine.txt"
kill "$SAMPLER" 2>/dev/null
log "$(tail -1 "$OUT/machine.txt")"

# ---- 5. summary ---------------------------------------------------------------------------------
python3 "$BENCH_DIR/src/summarize.py" "$OUT" "$CORPUS" | tee "$OUT/summary.md"
