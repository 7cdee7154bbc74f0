#!/usr/bin/env bash
# Tests corpus/fetch.sh without the internet: serves a temporary copy of a sample of a corpus (SOURCE, default
# ../shared/corpus beside the repo) on 127.0.0.1 with python3 -m http.server and fetches it through
# CORPUS_BASE_URL into an empty folder; then a changed file must fail --verify, naming it, a second
# fetch must repair only that file, and a mirror serving a changed file must fail the fetch.
#
#   corpus/fetch-test.sh [SOURCE]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
source_dir="${1:-$(cd "$here/../.." && pwd)/shared/corpus}"
[[ -d "$source_dir" ]] || { echo "fetch-test: no corpus at $source_dir to serve; fetch it with: $here/fetch.sh $source_dir" >&2; exit 1; }
work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; fi
  chmod -R u+w "$work" && rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "fetch-test: FAIL: $*" >&2; exit 1; }
# Runs a command, keeping its exit code and merged output in $rc and $out.
run() { set +e; out="$("$@" 2>&1)"; rc=$?; set -e; }

# A sample of the manifest keeps the test to seconds: every 50th file, and the two it damages.
victim="small/oai-petstore.yaml"
export CORPUS_MANIFEST="$work/manifest.tsv"
awk -F'\t' -v v="$victim" 'NR == 1 || $1 == v || $1 == "large/box.json" || NR % 50 == 0' "$here/manifest.tsv" >"$CORPUS_MANIFEST"
while IFS=$'\t' read -r path _; do
  [[ "$path" == \#* ]] && continue
  mkdir -p "$(dirname "$work/mirror/$path")"
  cp "$source_dir/$path" "$work/mirror/$path"
done <"$CORPUS_MANIFEST"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/mirror" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
export CORPUS_BASE_URL="http://127.0.0.1:$port"
files="$(grep -vc '^#' "$CORPUS_MANIFEST")"

run "$here/fetch.sh" "$work/fetched"
[[ $rc == 0 && "$out" == *"all $files files in $work/fetched match"* ]] || fail "fetch into an empty folder (exit $rc): $out"
echo "ok: fetched all $files files from $CORPUS_BASE_URL and checked them"

echo "# changed" >>"$work/fetched/$victim"
rm "$work/fetched/large/box.json"
run "$here/fetch.sh" --verify "$work/fetched"
[[ $rc != 0 && "$out" == *"2 of $files files"* && "$out" == *"  $victim"* && "$out" == *"  large/box.json"* ]] \
  || fail "--verify on a changed and a missing file (exit $rc): $out"
echo "ok: --verify exits $rc naming $victim and large/box.json"

run "$here/fetch.sh" "$work/fetched"
[[ $rc == 0 && "$out" == *"fetching 2 files"* ]] || fail "second fetch (exit $rc): $out"
echo "ok: a second fetch repairs just those 2 files"

echo "# tampered" >>"$work/mirror/$victim"
rm "$work/fetched/$victim"
run "$here/fetch.sh" "$work/fetched"
[[ $rc != 0 && "$out" == *"  $victim"* ]] || fail "fetch from a mirror serving a changed file (exit $rc): $out"
echo "ok: a mirror serving a changed file fails the fetch (exit $rc) naming $victim"
echo "fetch-test: all passed"
