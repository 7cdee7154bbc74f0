#!/usr/bin/env bash
# Evolution benchmark (issue 8): each spec pair of the corpus (evolution/<name>/v1 and v2) through
# rest2grpc with a lock and through openapi-generator's protobuf-schema, then, per tool, how many
# field and enum value numbers moved between the v1 and the v2 protos, and what `buf breaking`
# finds (WIRE_JSON alone, and WIRE_JSON + PACKAGE). See README.md.
#
# Not part of .ci/run: openapi-generator needs minutes on the large specs. Every tool invocation is
# bounded by `timeout`; a run that times out (exit 124) or fails is recorded in the table.
#
# Run from anywhere after building the converter, e.g.
#   ./mvnw -q -B -o -DskipTests package -pl transcoding,openapi-to-proto -am && bash benchmarks/evolution.sh
#
# Environment (all optional):
#   CORPUS=../shared/corpus         (beside the repo; corpus/fetch.sh fetches it) the spec pairs are CORPUS/evolution/<name>/v1.(yaml|json), v2.(yaml|json)
#   PAIRS="stripe openai ..."       names under CORPUS/evolution (default: all of them)
#   GENERATOR_VERSION=7.25.0        openapi-generator-cli, from the local Maven repository or Maven Central
#   GENERATOR=1                     0 skips openapi-generator
#   GEN_VARIANTS="default numbered" openapi-generator with its defaults (field numbers hashed from
#                                   the field name), and with numberedFieldNumberList=true (in order)
#   GEN_TIMEOUT=600 R2G_TIMEOUT=300 BUF_TIMEOUT=300   seconds, per single invocation
#   BUF=path/to/buf                 default: the build's (openapi-to-proto/target/tools/buf), else one
#                                   installed by npm into benchmarks/target/tools/buf (buf.version of pom.xml)
#
# Output: benchmarks/target/evolution/<pair>/ (the protos of each tool and version, logs, buf
# findings as JSON lines, the renumbered fields per tool in numbers-<tool>.json), results.jsonl,
# and results.md (the table, also printed).
set -uo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"

CORPUS="${CORPUS:-$(cd "$ROOT/.." && pwd)/shared/corpus}"
[[ -d "$CORPUS" ]] || { echo "no corpus at $CORPUS (set CORPUS=DIR); fetch it with: corpus/fetch.sh $CORPUS" >&2; exit 1; }
GENERATOR_VERSION="${GENERATOR_VERSION:-7.25.0}"
GENERATOR="${GENERATOR:-1}"
GEN_VARIANTS="${GEN_VARIANTS:-default numbered}"
GEN_TIMEOUT="${GEN_TIMEOUT:-600}"
R2G_TIMEOUT="${R2G_TIMEOUT:-300}"
BUF_TIMEOUT="${BUF_TIMEOUT:-300}"
EVO="$CORPUS/evolution"
PAIRS="${PAIRS:-$(cd "$EVO" && ls -d */ | tr -d / | tr '\n' ' ')}"

TOOLS="$BENCH_DIR/target/tools"
OUT="$BENCH_DIR/target/evolution"
HELPER="$BENCH_DIR/evolution_numbers.py"
mkdir -p "$TOOLS" "$OUT"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---- tools ------------------------------------------------------------------------------------------
# the converter: a snapshot copy, so a concurrent rebuild cannot swap it mid-run
[[ -f openapi-to-proto/target/openapi-to-proto.jar ]] || {
  log "missing openapi-to-proto/target/openapi-to-proto.jar; build it first:"
  log "  ./mvnw -q -B -DskipTests package -pl transcoding,openapi-to-proto -am"
  exit 1
}
R2G_JAR="$OUT/openapi-to-proto.jar"
cp openapi-to-proto/target/openapi-to-proto.jar "$R2G_JAR"

GEN_JAR="$TOOLS/openapi-generator-cli-$GENERATOR_VERSION.jar"
if [[ "$GENERATOR" == 1 && ! -f "$GEN_JAR" ]]; then
  m2="$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$GENERATOR_VERSION/openapi-generator-cli-$GENERATOR_VERSION.jar"
  if [[ -f "$m2" ]]; then
    cp "$m2" "$GEN_JAR"
  else
    log "fetching openapi-generator-cli $GENERATOR_VERSION"
    ./mvnw -q -B -ntp -N dependency:copy \
      -Dartifact="org.openapitools:openapi-generator-cli:$GENERATOR_VERSION" \
      -DoutputDirectory="$TOOLS" >"$OUT/fetch.log" 2>&1 || { cat "$OUT/fetch.log" >&2; exit 1; }
  fi
fi

if [[ -z "${BUF:-}" ]]; then
  for b in openapi-to-proto/target/tools/buf/node_modules/.bin/buf "$TOOLS/buf/node_modules/.bin/buf"; do
    [[ -x "$b" ]] && { BUF="$ROOT/$b"; [[ "$b" == /* ]] && BUF="$b"; break; }
  done
fi
if [[ -z "${BUF:-}" ]]; then
  buf_version=$(sed -nE 's|.*<buf.version>(.*)</buf.version>.*|\1|p' pom.xml | head -1)
  log "installing @bufbuild/buf@$buf_version with npm into $TOOLS/buf"
  npm install --no-audit --no-fund --loglevel=error --prefix "$TOOLS/buf" "@bufbuild/buf@$buf_version" >&2 || exit 1
  BUF="$TOOLS/buf/node_modules/.bin/buf"
fi
[[ -x "$BUF" ]] || { log "no buf at $BUF"; exit 1; }

# The same breaking rules for both tools, given inline (a module's own buf.yaml is not used):
BUF_WIRE_JSON='{"version":"v2","breaking":{"use":["WIRE_JSON"]}}'
BUF_ALL='{"version":"v2","breaking":{"use":["WIRE_JSON","PACKAGE"]}}'
# buf reads the compiled files of a module, not the vendored imports' findings: both versions carry
# the same google/ (and rest2grpc/) protos, so they cannot produce findings anyway.

RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
{
  echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null) $(git status --porcelain -- openapi-to-proto transcoding 2>/dev/null | grep -q . && echo '(uncommitted changes in openapi-to-proto or transcoding)')"
  echo "r2g-jar-sha256: $(sha256sum "$R2G_JAR" | cut -c1-16)"
  echo "generator: openapi-generator-cli $GENERATOR_VERSION"
  echo "buf: $("$BUF" --version 2>&1)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "pairs: $PAIRS"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

spec_of() { # DIR VERSION -> the spec file (yaml or json)
  local f
  for f in "$1/$2.yaml" "$1/$2.yml" "$1/$2.json"; do [[ -f "$f" ]] && { echo "$f"; return; }; done
}

# run LOG TIMEOUT -- command...: bounded, output to LOG; returns the exit code (124 = timed out)
run() {
  local logf=$1 limit=$2
  shift 3
  local t0=$SECONDS
  timeout "$limit" "$@" >"$logf" 2>&1
  local rc=$?
  echo "# exit $rc after $((SECONDS - t0)) s" >>"$logf"
  return $rc
}

first_error() { # LOG -> the line that says what went wrong (the root cause of a Java exception), shortened
  { grep '^Caused by:' "$1" | tail -1 | grep . \
    || grep -m1 -E '^Exception in thread|^[A-Za-z.]+(Exception|Error)\b' "$1" \
    || grep -m1 -E '\bERROR\b|^Error|^Failure|^error' "$1" \
    || grep -v '^#' "$1" | tail -1; } \
    | sed -E 's/^[[:space:]]+//; s/^Caused by: //; s/\|/\\|/g' | cut -c1-200
}

# buf_breaking PAIRDIR TOOL RULESET CONFIG -> prints a JSON object (total, by_rule) or {"error": …}
buf_breaking() {
  local dir=$1 tool=$2 set=$3 config=$4
  local findings="$dir/buf-$tool-$set.jsonl"
  # buf takes an inline config as the module at the working directory: run it inside v2
  ( cd "$dir/$tool-v2" && timeout "$BUF_TIMEOUT" "$BUF" breaking . --against "../$tool-v1" \
      --config "$config" --against-config "$config" --error-format=json ) >"$findings" 2>"$findings.err"
  local rc=$?
  if [[ $rc != 0 && $rc != 100 ]]; then
    printf '{"error": %s}\n' "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "buf exit $rc: $(first_error "$findings.err")")"
    return
  fi
  python3 "$HELPER" buf "$findings"
}

# openapi-generator imports two files it never writes: models/todo_object_mapping.proto (for a
# free-form object, typed TODO_OBJECT_MAPPING) and models/any_type.proto (AnyType, for a schema of
# no type). Each output that imports one gets an empty message of that name in that file (the same
# in v1 and v2, so it cannot produce a buf finding), and the table says so. Nothing else is added.
add_generator_stubs() { # OUTPUT_DIR -> the stub files written, space-separated
  local out=$1 f msg added=""
  for f in todo_object_mapping:TODO_OBJECT_MAPPING any_type:AnyType; do
    msg=${f#*:}; f="models/${f%%:*}.proto"
    if [[ ! -f "$out/$f" ]] && grep -rqsF "\"$f\"" --include='*.proto' "$out"; then
      mkdir -p "$out/models"
      printf 'syntax = "proto3";\n\npackage openapitools;\n\n// stub added by benchmarks/evolution.sh: openapi-generator imports this file but does not write it\nmessage %s {}\n' \
        "$msg" >"$out/$f"
      added+="$f "
    fi
  done
  echo "$added"
}

# buf_builds PAIRDIR TOOL -> empty if both versions compile under buf, else their first errors
buf_builds() {
  local dir=$1 tool=$2 v errors=""
  for v in v1 v2; do
    ( cd "$dir/$tool-$v" && timeout "$BUF_TIMEOUT" "$BUF" build . --config '{"version":"v2"}' -o /dev/null ) \
      >"$dir/buf-build-$tool-$v.log" 2>&1 || {
      errors+="${errors:+; }$v does not build under buf ($(grep -c . "$dir/buf-build-$tool-$v.log") errors, first: $(head -1 "$dir/buf-build-$tool-$v.log" | sed -E 's/\|/\\|/g' | cut -c1-160))"
    }
  done
  echo "$errors"
}

# record PAIR TOOL STATUS [DIR]: measure the two outputs DIR/TOOL-v1 and DIR/TOOL-v2 (if given) and
# append a results line
record() {
  local pair=$1 tool=$2 status=$3 dir=${4:-}
  local numbers='null' wire='null' all='null'
  if [[ -n "$dir" ]]; then
    numbers=$(python3 "$HELPER" numbers "$dir/$tool-v1" "$dir/$tool-v2" "$dir/numbers-$tool.json" || echo null)
    if [[ $tool == openapi-generator* ]]; then
      local stubs; stubs=$(add_generator_stubs "$dir/$tool-v1")$(add_generator_stubs "$dir/$tool-v2")
      [[ -n "$stubs" ]] && status="$status (buf build given empty stubs for: $(tr ' ' '\n' <<<"$stubs" | grep . | sort -u | tr '\n' ' ' | sed 's/ $//'))"
    fi
    local build_error; build_error=$(buf_builds "$dir" "$tool")
    if [[ -n "$build_error" ]]; then
      [[ $status == ok ]] && status="$build_error" || status="$status; $build_error"
      wire=$(python3 -c 'import json,sys; print(json.dumps({"error": "does not build"}))')
      all=$wire
    else
      wire=$(buf_breaking "$dir" "$tool" wire_json "$BUF_WIRE_JSON")
      all=$(buf_breaking "$dir" "$tool" all "$BUF_ALL")
    fi
  fi
  python3 - "$pair" "$tool" "$status" "$numbers" "$wire" "$all" >>"$RESULTS" <<'EOF'
import json, sys
pair, tool, status, numbers, wire, all_ = sys.argv[1:]
print(json.dumps({'pair': pair, 'tool': tool, 'status': status, 'numbers': json.loads(numbers),
                  'buf_wire_json': json.loads(wire), 'buf_all': json.loads(all_)}))
EOF
  log "  $tool: $(tail -1 "$RESULTS" | cut -c1-300)"
}

# Flags openapi-generator needs, beyond the common ones, to get through a spec at all (as in run.sh).
# Without it, it exits 1 on both digitalocean specs: "RuntimeException: reserved word 1_clicks not
# allowed" (ProtobufSchemaCodegen refuses a property whose name starts with a digit); the mapping
# renames only that property. The table says where a fix was used.
generator_fixes() {
  case "$1" in
    */sentry-derefed.json) echo "--name-mappings 24h=last_24h" ;;
    */digitalocean-bundled/*) echo "--name-mappings 1_clicks=one_clicks" ;;
  esac
}

for pair in $PAIRS; do
  v1=$(spec_of "$EVO/$pair" v1)
  v2=$(spec_of "$EVO/$pair" v2)
  [[ -n "$v1" && -n "$v2" ]] || { log "skipping $pair: no v1/v2 spec"; continue; }
  dir="$OUT/$pair"
  rm -rf "$dir"
  mkdir -p "$dir"
  log "== $pair: $(basename "$v1") -> $(basename "$v2")"

  # ---- rest2grpc: v1 with a fresh lock, then v2 with that lock, in v1's package ------------------
  lock="$dir/pair.lock.json"
  status=ok
  if ! run "$dir/rest2grpc-v1.log" "$R2G_TIMEOUT" -- java -jar "$R2G_JAR" convert "$v1" -o "$dir/rest2grpc-v1" --lock "$lock"; then
    status="v1 failed (exit $(tail -1 "$dir/rest2grpc-v1.log" | awk '{print $3}')): $(first_error "$dir/rest2grpc-v1.log")"
  else
    pkg=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["package"])' "$lock")
    if ! run "$dir/rest2grpc-v2.log" "$R2G_TIMEOUT" -- java -jar "$R2G_JAR" convert "$v2" -o "$dir/rest2grpc-v2" \
        --lock "$lock" --package "$pkg" --allow-breaking; then
      status="v2 failed (exit $(tail -1 "$dir/rest2grpc-v2.log" | awk '{print $3}')): $(first_error "$dir/rest2grpc-v2.log")"
    fi
  fi
  if [[ $status == ok ]]; then record "$pair" rest2grpc ok "$dir"; else record "$pair" rest2grpc "$status"; fi

  # ---- openapi-generator protobuf-schema: its defaults (as run.sh runs it), then numbered fields ---
  [[ "$GENERATOR" == 1 ]] && for variant in $GEN_VARIANTS; do
    tool=openapi-generator; props=()
    if [[ $variant == numbered ]]; then
      tool=openapi-generator-numbered; props=(--additional-properties numberedFieldNumberList=true)
    fi
    status=ok
    fixes=$(generator_fixes "$v1")
    for v in v1 v2; do
      spec=$v1; [[ $v == v2 ]] && spec=$v2
      if ! run "$dir/$tool-$v.log" "$GEN_TIMEOUT" -- java -DmaxYamlCodePoints=50000000 -jar "$GEN_JAR" generate \
          -g protobuf-schema -i "$spec" -o "$dir/$tool-$v" --skip-validate-spec "${props[@]}" $(generator_fixes "$spec"); then
        rc=$(tail -1 "$dir/$tool-$v.log" | awk '{print $3}')
        if [[ $rc == 124 ]]; then
          status="$v timed out after ${GEN_TIMEOUT} s"
        else
          status="$v failed (exit $rc): $(first_error "$dir/$tool-$v.log")"
        fi
        break
      fi
    done
    [[ -n "$fixes" ]] && status="$status, with \`$fixes\`"
    if [[ $status == ok* ]]; then record "$pair" "$tool" "$status" "$dir"; else record "$pair" "$tool" "$status"; fi
  done
done

python3 "$HELPER" table "$RESULTS" | tee "$OUT/results.md"
