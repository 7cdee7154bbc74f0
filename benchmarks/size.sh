#!/usr/bin/env bash
# Size and memory benchmark (issue 14 §6): generated specs, whole process, `java -jar`.
#   - convert a 5,000-path spec: wall time, CPU time, max RSS; the same spec through
#     openapi-generator's protobuf-schema generator beside it (when its jar can be fetched)
#   - `fidelity` on a 16 MB spec with 4,000 examples under -Xmx1g, with this jar and, if given,
#     an older one (BEFORE_JAR) to show the difference
# Builds nothing: it uses the converter's runnable (shaded) jar that `./mvnw -pl openapi-to-proto -am
# package` leaves in openapi-to-proto/target/. Specs come from benchmarks/src/GenerateSpec.java
# (seeded: the same bytes on every machine). Not part of .ci/run.
#
# Environment (all optional):
#   R2G_JAR=openapi-to-proto/target/openapi-to-proto.jar
#   BEFORE_JAR=          a converter jar to run `fidelity` with as well (e.g. built before a change)
#   RUNS=3               runs of `convert` (medians in the summary)
#   PATHS=5000 EXAMPLES_EVERY=10           the size spec (31.5 MB, 2,000 examples)
#   FIDELITY_PATHS=1000 LIST_ITEMS=6       the fidelity spec (16.3 MB, 4,000 examples)
#   FIDELITY_HEAP=-Xmx1g
#   GENERATOR_VERSION=7.25.0  GENERATOR_RUNS=1 (0 skips it)
#   R2G_TIMEOUT=300 GEN_TIMEOUT=900 FIDELITY_TIMEOUT=600   seconds, per run
#
# Output: benchmarks/target/size/ (specs, outputs, logs, raw.csv); the summary is printed at the end.
set -uo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"

R2G_JAR="${R2G_JAR:-openapi-to-proto/target/openapi-to-proto.jar}"
BEFORE_JAR="${BEFORE_JAR:-}"
RUNS="${RUNS:-3}"
PATHS="${PATHS:-5000}"
EXAMPLES_EVERY="${EXAMPLES_EVERY:-10}"
FIDELITY_PATHS="${FIDELITY_PATHS:-1000}"
LIST_ITEMS="${LIST_ITEMS:-6}"
FIDELITY_HEAP="${FIDELITY_HEAP:--Xmx1g}"
GENERATOR_VERSION="${GENERATOR_VERSION:-7.25.0}"
GENERATOR_RUNS="${GENERATOR_RUNS:-1}"
R2G_TIMEOUT="${R2G_TIMEOUT:-300}"
GEN_TIMEOUT="${GEN_TIMEOUT:-900}"
FIDELITY_TIMEOUT="${FIDELITY_TIMEOUT:-600}"

OUT="$BENCH_DIR/target/size"
TOOLS="$BENCH_DIR/target/tools"
GEN_JAR="$TOOLS/openapi-generator-cli-$GENERATOR_VERSION.jar"
SIZE_SPEC="$OUT/size-$PATHS.json"
FIDELITY_SPEC="$OUT/fidelity-$FIDELITY_PATHS.json"
RAW="$OUT/raw.csv"
mkdir -p "$OUT/logs" "$TOOLS"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

[[ -f "$R2G_JAR" ]] || { log "no $R2G_JAR: build it first (./mvnw -pl openapi-to-proto -am package -DskipTests)"; exit 1; }
# a snapshot, so that a concurrent rebuild cannot swap the jar mid-run
cp "$R2G_JAR" "$TOOLS/size-r2g.jar" && R2G_JAR="$TOOLS/size-r2g.jar"

log "generating the specs"
java "$BENCH_DIR/src/GenerateSpec.java" --paths "$PATHS" --examples-every "$EXAMPLES_EVERY" --out "$SIZE_SPEC" || exit 1
java "$BENCH_DIR/src/GenerateSpec.java" --paths "$FIDELITY_PATHS" --list-items "$LIST_ITEMS" --out "$FIDELITY_SPEC" || exit 1

if (( GENERATOR_RUNS > 0 )) && [[ ! -f "$GEN_JAR" ]]; then
  log "fetching openapi-generator-cli $GENERATOR_VERSION"
  timeout 600 ./mvnw -q -B -ntp -N dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" \
    -DoutputDirectory="$TOOLS" >"$OUT/logs/fetch.log" 2>&1 || log "could not fetch it (see $OUT/logs/fetch.log): no generator figures"
fi

{
  echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "uptime-before: $(uptime)"
  echo "nproc: $(nproc)"
  echo "mem: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null)"
  echo "r2g-jar-sha256: $(sha256sum "$R2G_JAR" | cut -c1-16)"
  [[ -n "$BEFORE_JAR" ]] && echo "before-jar: $BEFORE_JAR sha256 $(sha256sum "$BEFORE_JAR" | cut -c1-16)"
  echo "size spec: $SIZE_SPEC $(stat -c %s "$SIZE_SPEC") bytes; fidelity spec: $FIDELITY_SPEC $(stat -c %s "$FIDELITY_SPEC") bytes"
} | tee "$OUT/machine.txt" >&2

echo "what,run,rc,wall_s,maxrss_kb,user_s,sys_s" >"$RAW"
TIME_BIN=/usr/bin/time
[[ -x $TIME_BIN ]] || log "no /usr/bin/time: wall time from bash, no max RSS"

# run_one WHAT RUN TIMEOUT -- command...: appends a row to raw.csv, keeps the output in logs/
run_one() {
  local what=$1 run=$2 limit=$3
  shift 4
  local logf="$OUT/logs/$what-$run.log" timef="$OUT/logs/$what-$run.time"
  local rc wall maxrss user sys
  if [[ -x $TIME_BIN ]]; then
    $TIME_BIN -f "%e %M %U %S" -o "$timef" timeout "$limit" "$@" >"$logf" 2>&1
    rc=$?
    read -r wall maxrss user sys < <(tail -1 "$timef")
  else
    local start; start=$(date +%s.%N)
    timeout "$limit" "$@" >"$logf" 2>&1
    rc=$?
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    maxrss="" user="" sys=""
  fi
  echo "$what,$run,$rc,$wall,$maxrss,$user,$sys" >>"$RAW"
  log "$(printf '%-22s run %d: rc=%d %7ss %8s KB (CPU %ss user %ss sys)' "$what" "$run" "$rc" "$wall" "$maxrss" "$user" "$sys")"
  (( rc == 0 )) || { log "  last lines of $logf:"; tail -3 "$logf" | sed 's/^/    /' >&2; }
}

for run in $(seq 1 "$RUNS"); do
  rm -rf "$OUT/r2g-out"
  run_one convert "$run" "$R2G_TIMEOUT" -- java -jar "$R2G_JAR" convert "$SIZE_SPEC" -o "$OUT/r2g-out" --no-lock
done
for run in $(seq 1 "$GENERATOR_RUNS"); do
  [[ -f "$GEN_JAR" ]] || break
  rm -rf "$OUT/gen-out"
  run_one openapi-generator "$run" "$GEN_TIMEOUT" -- java -DmaxYamlCodePoints=50000000 -jar "$GEN_JAR" generate \
    -g protobuf-schema -i "$SIZE_SPEC" -o "$OUT/gen-out" --skip-validate-spec
done
run_one fidelity 1 "$FIDELITY_TIMEOUT" -- java "$FIDELITY_HEAP" -jar "$R2G_JAR" fidelity "$FIDELITY_SPEC"
if [[ -n "$BEFORE_JAR" ]]; then
  run_one fidelity-before 1 "$FIDELITY_TIMEOUT" -- java "$FIDELITY_HEAP" -jar "$BEFORE_JAR" fidelity "$FIDELITY_SPEC"
fi
echo "uptime-after: $(uptime)" | tee -a "$OUT/machine.txt" >&2

count() { find "$1" -name '*.proto' 2>/dev/null | grep -v -e '/google/' -e '/rest2grpc/' | wc -l; }
messages() { find "$1" -name '*.proto' 2>/dev/null | grep -v -e '/google/' -e '/rest2grpc/' | xargs -r cat | grep -cE '^\s*message\s' || true; }

echo
echo "| what | runs ok | median wall | min–max wall | median CPU (user+sys) | max RSS | output |"
echo "|---|---|---:|---:|---:|---:|---|"
for what in convert openapi-generator fidelity fidelity-before; do
  grep -q "^$what," "$RAW" || continue
  python3 - "$RAW" "$what" "$OUT" <<'EOF'
import csv, statistics, sys
raw, what, out = sys.argv[1:]
rows = [r for r in csv.DictReader(open(raw)) if r["what"] == what]
if not rows:
    sys.exit()
ok = [r for r in rows if r["rc"] == "0"]
def fmt(rs):
    if not rs:
        return "—", "—", "—", "—"
    wall = [float(r["wall_s"]) for r in rs]
    cpu = [float(r["user_s"] or 0) + float(r["sys_s"] or 0) for r in rs]
    rss = max(int(r["maxrss_kb"] or 0) for r in rs)
    return (f"{statistics.median(wall):.2f} s", f"{min(wall):.2f}–{max(wall):.2f} s",
            f"{statistics.median(cpu):.2f} s", f"{rss / 1024:.0f} MB")
shown = ok or rows
med, rng, cpu, rss = fmt(shown)
codes = "" if ok else " (exit " + ",".join(sorted({r["rc"] for r in rows})) + ")"
print(f"| {what} | {len(ok)}/{len(rows)}{codes} | {med} | {rng} | {cpu} | {rss} | ", end="")
EOF
  case $what in
    convert) echo "$(count "$OUT/r2g-out") protos, $(messages "$OUT/r2g-out") messages |" ;;
    openapi-generator) echo "$(count "$OUT/gen-out") protos, $(messages "$OUT/gen-out") messages |" ;;
    fidelity*) echo "$(grep -m1 -E 'examples found|Exception|Error' "$OUT/logs/$what-1.log") |" ;;
  esac
done
