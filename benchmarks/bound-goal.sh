#!/usr/bin/env bash
# The bound goal on a build with unchanged inputs (issue 19): the time of rest2grpc:verify-protos and rest2grpc:generate
# in an incremental `mvn compile` of sample-legacy-app with nothing changed, beside the build's own time (target: under
# 5% of it). RUNS builds, one after another; each build's mojo times come from Maven's own execution events
# (benchmarks/src/MojoTimes.java, an event spy loaded with -Dmaven.ext.class.path), its wall time from the shell.
#
#   flock /tmp/rest2grpc-mvn.lock bash benchmarks/bound-goal.sh            # RUNS=10; installs the plugin and runtime first
#   INSTALL=0 RUNS=5 flock /tmp/rest2grpc-mvn.lock bash benchmarks/bound-goal.sh
#
# INSTALL=1 installs plugin-runtime and maven-plugin from this tree into the local repository first, as
# migration-guide/walkthrough.sh does: `mvn compile` of the sample app takes both from there, as a team's build would.
# Output in benchmarks/target/bound-goal/: a log and a times file per build, runs.tsv and the summary (also printed).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
RUNS="${RUNS:-10}"
INSTALL="${INSTALL:-1}"
out="$repo/benchmarks/target/bound-goal"
mvn=(./mvnw -o -B -ntp)
fail() { echo "bound-goal: $*" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/logs" "$out/spy/META-INF/sisu"
maven_home="$("${mvn[@]}" --version | sed -n 's/^Maven home: //p')"
[[ -d "$maven_home/lib" ]] || fail "cannot find Maven's lib folder from ./mvnw --version"
javac -d "$out/spy" -cp "$maven_home/lib/*" benchmarks/src/MojoTimes.java
echo MojoTimes > "$out/spy/META-INF/sisu/javax.inject.Named"
jar cf "$out/mojo-times.jar" -C "$out/spy" .

if [[ "$INSTALL" == 1 ]]; then
  "${mvn[@]}" -q install -DskipTests -Dinvoker.skip=true -pl plugin-runtime,maven-plugin -am > "$out/logs/install.log" 2>&1 \
    || { tail -40 "$out/logs/install.log"; fail "installing the plugin and the runtime failed"; }
fi
# untimed: whatever the last build left, the timed builds start from a compiled module whose protos were verified
"${mvn[@]}" -pl sample-legacy-app compile > "$out/logs/prime.log" 2>&1 || { tail -40 "$out/logs/prime.log"; fail "the first build failed"; }

printf 'run\twall_ms\tcompiler\n' > "$out/runs.tsv"
for ((run = 1; run <= RUNS; run++)); do
  log="$out/logs/compile-$run.log"
  start=$(date +%s%N)
  "${mvn[@]}" -pl sample-legacy-app compile -Dmaven.ext.class.path="$out/mojo-times.jar" -Dmojo.times.file="$out/times-$run.tsv" \
    > "$log" 2>&1 || { tail -40 "$log"; fail "build $run failed"; }
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  grep -q 'were checked against the spec, and nothing changed since' "$log" \
    || fail "build $run: verify-protos did not find its inputs unchanged ($log)"
  compiler=$(grep -oE 'Nothing to compile - all classes are up to date|Changes detected - recompiling the module|Recompiling the module because of [a-z ]+' "$log" | head -1)
  printf '%s\t%s\t%s\n' "$run" "$wall" "${compiler:-?}" >> "$out/runs.tsv"
  echo "build $run: ${wall} ms, compiler: ${compiler:-?}"
done

python3 benchmarks/src/bound_goal_summary.py "$out" "$RUNS" | tee "$out/summary.md"
