#!/usr/bin/env bash
# Fetches the third-party test corpus listed in corpus/manifest.tsv, or checks one.
#
#   corpus/fetch.sh [DIR]            fetch every file that is missing or differs into DIR, then check them all
#   corpus/fetch.sh --verify [DIR]   check DIR against the manifest's sha256s; exit 1 naming each bad file
#
# DIR defaults to ../shared/corpus beside the repo, where the tests look unless run with -Dcorpus.dir=DIR.
# Each file comes from its public repository, pinned to a commit (manifest column 2); a file whose column 5
# is not 'copy' was bundled from that URL with the command given there (npx, from npm). With
# CORPUS_BASE_URL set, every file comes instead from $CORPUS_BASE_URL/<path>: a mirror of the corpus layout.
# CORPUS_MANIFEST names another manifest of the same columns (fetch-test.sh uses a sample of this one).
# Needs bash, curl and sha256sum.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
manifest="${CORPUS_MANIFEST:-$here/manifest.tsv}"
verify_only=false
usage() { sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; }
case "${1:-}" in
  --verify) verify_only=true; shift ;;
  -h | --help) usage; exit 0 ;;
  -*) usage >&2; exit 2 ;;
esac
dir="${1:-$(cd "$here/../.." && pwd)/shared/corpus}"

# Prints the path of every file of the manifest that is missing from $dir or differs from its sha256.
bad_files() {
  [[ -d "$dir" ]] || { awk -F'\t' '!/^#/ {print $1}' "$manifest"; return; }
  awk -F'\t' '!/^#/ {print $3 "  " $1}' "$manifest" | (cd "$dir" && sha256sum --quiet -c - 2>/dev/null || true) \
    | sed -E 's/: FAILED( open or read)?$//'
}

verify() {
  local bad count
  if [[ ! -d "$dir" ]]; then
    echo "corpus/fetch.sh: no corpus at $dir; fetch it with: $here/fetch.sh $dir" >&2
    return 1
  fi
  bad="$(bad_files)"
  count="$(grep -c . <<<"$bad" || true)"
  if (( count > 0 )); then
    echo "corpus/fetch.sh: $count of $(grep -vc '^#' "$manifest") files in $dir are missing or differ from $manifest:" >&2
    sed 's/^/  /' <<<"$bad" >&2
    echo "fetch them with: $here/fetch.sh $dir" >&2
    return 1
  fi
  echo "corpus/fetch.sh: all $(grep -vc '^#' "$manifest") files in $dir match $manifest"
}

if $verify_only; then
  verify
  exit
fi

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
wanted="$(bad_files)"
if [[ -z "$wanted" ]]; then
  verify
  exit
fi
echo "corpus/fetch.sh: fetching $(grep -c . <<<"$wanted") files into $dir${CORPUS_BASE_URL:+ from $CORPUS_BASE_URL}"
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
declare -A want=()
while IFS= read -r path; do want["$path"]=1; done <<<"$wanted"
while IFS=$'\t' read -r path url sha licence how; do
  if [[ "$path" == \#* || -z "${want[$path]:-}" ]]; then
    continue
  fi
  if [[ -n "${CORPUS_BASE_URL:-}" ]]; then
    printf 'url = "%s/%s"\noutput = "%s/%s.part"\n' "${CORPUS_BASE_URL%/}" "${path// /%20}" "$dir" "$path" >>"$config"
  elif [[ "$how" == copy ]]; then
    printf 'url = "%s"\noutput = "%s/%s.part"\n' "$url" "$dir" "$path" >>"$config"
  else
    mkdir -p "$(dirname "$dir/$path")"
    $how "$url" -o "$dir/$path.part" >&2 || echo "corpus/fetch.sh: could not build $path with: $how $url" >&2
  fi
done <"$manifest"
if [[ -s "$config" ]]; then
  curl --fail --silent --show-error --location --create-dirs --retry 2 --parallel --parallel-max 16 --config "$config" \
    || echo "corpus/fetch.sh: some downloads failed (above); the check below names them" >&2
fi
while IFS= read -r path; do
  if [[ -f "$dir/$path.part" ]]; then
    mv -f "$dir/$path.part" "$dir/$path"
  fi
done <<<"$wanted"
verify
