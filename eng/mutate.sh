#!/usr/bin/env bash
# Mutation testing of Core and Infrastructure with Stryker.NET (the local tool in .config/dotnet-tools.json).
#   eng/mutate.sh                      every chunk of both projects (chunks already measured on this tree are kept)
#   eng/mutate.sh core                 one project (core | infrastructure)
#   eng/mutate.sh core Ingest/Formats  one chunk of a project (its name in eng/mutation/chunks.tsv)
#   eng/mutate.sh --fresh ...          measure again even when a chunk's report matches the tree
# Reports: out/mutation/<project>/<chunk>/reports/mutation-report.{html,json}; the score per project is printed at the
# end and written to out/mutation/<project>/score.txt. Not part of ./run.sh test (too slow for CI's two cores).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/out/mutation"
CHUNKS="$ROOT/eng/mutation/chunks.tsv"
CONCURRENCY="${MUTATE_CONCURRENCY:-1}"

fresh=false
args=()
for a in "$@"; do
  case "$a" in
    --fresh) fresh=true ;;
    *) args+=("$a") ;;
  esac
done
only_project="${args[0]:-}"
only_chunk="${args[1]:-}"

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }

dotnet tool restore >/dev/null
mkdir -p "$OUT"

# A chunk's stamp: the tree of the project's sources, of every test project and of the mutation settings, including
# uncommitted edits, so a report is reused only for exactly the code, tests and settings it measured.
stamp() {
  local project="$1"
  { git rev-parse "HEAD:src/$project" "HEAD:tests"; cat eng/mutation/stryker-config.json "$CHUNKS"; git diff HEAD -- "src/$project" tests; git ls-files --others --exclude-standard -- "src/$project" tests | xargs -r cat; } | sha256sum | cut -c1-16
}

run_chunk() {
  local project="$1" chunk="$2" mutate="$3" tests="$4" filter="$5"
  local dir="$OUT/${project,,}/${chunk//\//-}"
  local report="$dir/reports/mutation-report.json"
  local current; current="$(stamp "SocialFunctions.$project")"
  if ! $fresh && [ -f "$report" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$current" ]; then
    say "$project/$chunk: measured on this tree already ($(summary "$report")); --fresh measures again"
    return 0
  fi

  rm -rf "$dir"; mkdir -p "$dir"
  local config="$dir/stryker-config.json"
  jq -n --arg project "SocialFunctions.$project.csproj" --arg mutate "$mutate" --arg tests "$tests" --arg filter "$filter" \
        --argjson concurrency "$CONCURRENCY" --slurpfile base "$ROOT/eng/mutation/stryker-config.json" '
    {"stryker-config": ($base[0]["stryker-config"] + {
      project: $project,
      concurrency: $concurrency,
      mutate: ($mutate | split(",")),
      "test-projects": ($tests | split(",") | map("../../tests/" + . + "/" + . + ".csproj")),
      "test-case-filter": $filter
    })}' >"$config"
  say "$project/$chunk: mutating $mutate, tests $tests${filter:+ ($filter)}"
  local started=$SECONDS
  if (cd "src/SocialFunctions.$project" && dotnet dotnet-stryker -f "$config" -O "$dir" >"$dir/stryker.log" 2>&1); then
    echo "$current" >"$dir/stamp"
    say "$project/$chunk: $(summary "$report") in $(( (SECONDS - started) / 60 )) min"
  else
    echo "  Stryker failed for $project/$chunk (see ${dir#"$ROOT"/}/stryker.log):" >&2
    tail -n 15 "$dir/stryker.log" >&2
    return 1
  fi
}

# killed / (killed + survived + no coverage), timeouts counted as killed; compile errors and ignored mutants do not count.
counts() { jq -r '[.files[].mutants[].status] as $s | [ ($s|map(select(.=="Killed" or .=="Timeout"))|length), ($s|map(select(.=="Survived"))|length), ($s|map(select(.=="NoCoverage"))|length) ] | @tsv' "$@"; }
summary() { counts "$1" | awk -F'\t' '{t=$1+$2+$3; printf "%d killed, %d survived, %d no coverage: %.1f %%", $1, $2, $3, t ? 100*$1/t : 0}'; }

failed=0
while IFS=$'\t' read -r project chunk mutate tests filter; do
  [[ -z "$project" || "$project" == \#* ]] && continue
  [[ -n "$only_project" && "${project,,}" != "${only_project,,}" ]] && continue
  [[ -n "$only_chunk" && "$chunk" != "$only_chunk" ]] && continue
  run_chunk "$project" "$chunk" "$mutate" "$tests" "${filter:-}" || failed=$((failed + 1))
done <"$CHUNKS"

for project in Core Infrastructure; do
  [[ -n "$only_project" && "${project,,}" != "${only_project,,}" ]] && continue
  reports=("$OUT/${project,,}"/*/reports/mutation-report.json)
  [ -f "${reports[0]}" ] || continue
  total=$(counts "${reports[@]}" | awk -F'\t' '{k+=$1; s+=$2; n+=$3} END {t=k+s+n; printf "%d killed, %d survived, %d no coverage: %.1f %%", k, s, n, t ? 100*k/t : 0}')
  expected=$(awk -F'\t' -v p="$project" '$1==p' "$CHUNKS" | wc -l)
  echo "$project: $total (${#reports[@]} of $expected chunks measured)" | tee "$OUT/${project,,}/score.txt"
done
[ "$failed" -eq 0 ]
