#!/usr/bin/env bash
# SocialFunctions — one entry point for local work.
#   ./run.sh demo      set up everything, run the pipeline on the bundled samples (ingest, report, alert, digest), stop
#   ./run.sh pictures  the demo, then the README's pictures of the report (docs/images/) from its PDF
#   ./run.sh test      every test (starts its own Azurite), Bicep build+lint, package check; ends with "N passed, N failed, N skipped"
#   ./run.sh serve     Azurite + the local Functions server in the foreground (Ctrl+C stops both)
#   ./run.sh package   the deployable zip of the Functions app (out/package/socialfunctions.zip)
#   ./run.sh bench     the benchmarks (BENCHMARKS.md); ./run.sh bench quick for a short pass
#   ./run.sh migrate   move stored posts/daily rows to the current table key layout (--dry-run to count only)
#   ./run.sh mutate    mutation testing of Core and Infrastructure (Stryker.NET; resumable; not in CI) — docs/testing.md
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

OUT="$ROOT/out"
PORT="${PORT:-7071}"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
DEMO_BRAND="lumen-coffee"
DEMO_MONTH="2026-10"
# Cover, executive summary, overall content performance, Instagram, series (pages of the demo PDF).
PICTURE_PAGES="1,2,3,6,15"
PIDS=()

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[31mError:\033[0m %s\n' "$*" >&2; exit 1; }

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# --- prerequisites -----------------------------------------------------------------------------

apt_install() {
  # Installs Debian packages that a fresh machine may lack (needs root, as on CI).
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]} (apt-get)"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_tools() {
  command -v dotnet >/dev/null || fail "the .NET SDK is required (dotnet on PATH); see global.json for the version."
  command -v node >/dev/null || fail "Node.js is required for the Azurite storage emulator."
  command -v curl >/dev/null && command -v jq >/dev/null || apt_install curl jq
  if [ ! -x node_modules/.bin/azurite ]; then
    say "Installing Azurite (npm, into node_modules/)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

build() {
  say "Building (Release)"
  dotnet build SocialFunctions.sln -c Release -nologo -v quiet -clp:ErrorsOnly
}

# --- Azurite and the Functions app -----------------------------------------------------------------

start_azurite() {
  local location="$1"
  mkdir -p "$location"
  say "Starting Azurite on 127.0.0.1:$AZURITE_BLOB_PORT/$AZURITE_QUEUE_PORT/$AZURITE_TABLE_PORT (data in ${location#"$ROOT"/})"
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$location" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$AZURITE_BLOB_PORT" --queuePort "$AZURITE_QUEUE_PORT" --tablePort "$AZURITE_TABLE_PORT" \
    >"$OUT/azurite.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$AZURITE_TABLE_PORT/" && return 0
    sleep 0.2
  done
  cat "$OUT/azurite.log" >&2
  fail "Azurite did not start (is port $AZURITE_TABLE_PORT already in use? set AZURITE_*_PORT)."
}

storage_connection() {
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$key" "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"
}

# The local server runs the Functions app's [Function]s on 127.0.0.1 (HTTP routes, timers, queues) without Core Tools.
# Everything that needs the app running (demo, serve, benchmarks) starts it here. Extra arguments: "env NAME=value ...".
start_app() {
  say "Starting the Functions app (local server) on http://127.0.0.1:$PORT: HTTP functions, timers and queues"
  AzureWebJobsStorage="$(storage_connection)" PORT="$PORT" Outbox__Path="$OUT/outbox" DOTNET_ENVIRONMENT=Production "$@" \
    dotnet "src/SocialFunctions.LocalServer/bin/Release/net10.0/SocialFunctions.LocalServer.dll" >"$OUT/functions.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && return 0
    sleep 0.2
  done
  cat "$OUT/functions.log" >&2
  fail "The local server did not answer on port $PORT (see out/functions.log; set PORT to use another port)."
}

api() { curl -sS -w '\n%{http_code}' "$@"; }

# --- commands ------------------------------------------------------------------------------------

cmd_demo() {
  ensure_tools
  build
  rm -rf "$OUT/demo-azurite" "$OUT/outbox"
  mkdir -p "$OUT"
  start_azurite "$OUT/demo-azurite"
  # Timers are driven explicitly below so the demo is deterministic; queues run as in production.
  start_app env Scheduling__TimersEnabled=false
  local base="http://127.0.0.1:$PORT/api/brands/$DEMO_BRAND"

  say "Brand settings for $DEMO_BRAND (samples/brand.json)"
  local put; put=$(api -X PUT -H 'Content-Type: application/json' --data-binary @samples/brand.json "$base")
  [[ "${put##*$'\n'}" == 2* ]] || fail "brand settings rejected: ${put%$'\n'*}"

  say "Uploading the sample exports (samples/exports/)"
  local files=(samples/exports/*) n=0 total=${#files[@]} accepted=0 rows=0
  for f in "${files[@]}"; do
    n=$((n + 1))
    local name; name=$(basename "$f")
    local res; res=$(api -X POST --data-binary @"$f" "$base/exports?filename=$(jq -rn --arg n "$name" '$n|@uri')")
    local code="${res##*$'\n'}" body="${res%$'\n'*}"
    local line; line=$(jq -r '.files[0] | "\(.status) \(.format // "?") \(.channel // "-") rows \(.rowsAccepted)/\(.rowsRejected) \(.from // "")..\(.to // "")"' <<<"$body" 2>/dev/null || echo "HTTP $code")
    printf '  [%2d/%d] %-58s %s\n' "$n" "$total" "$name" "$line"
    [ "$code" = "200" ] && accepted=$((accepted + 1))
    rows=$((rows + $(jq -r '.files[0].entitiesStored // 0' <<<"$body" 2>/dev/null || echo 0)))
  done
  say "$accepted of $total files accepted, $rows records stored"

  say "The team's pivot plan for $DEMO_MONTH (samples/commentary-$DEMO_MONTH.txt)"
  local note; note=$(api -X PUT -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"samples/commentary-$DEMO_MONTH.txt" "$base/reports/$DEMO_MONTH/commentary")
  [[ "${note##*$'\n'}" == 2* ]] || fail "commentary rejected: ${note%$'\n'*}"

  say "Trend report for $DEMO_MONTH: the model (JSON) and the PDF, mailed to leadership"
  curl -fsS -o "$OUT/$DEMO_BRAND-$DEMO_MONTH.json" "$base/reports/$DEMO_MONTH.json" || fail "the report model could not be built (see out/functions.log)"
  jq -r '.insights[:5][] | "  • \(.text)"' "$OUT/$DEMO_BRAND-$DEMO_MONTH.json" 2>/dev/null || true
  local send; send=$(api -X POST "$base/reports/$DEMO_MONTH/send")
  [[ "${send##*$'\n'}" == 2* ]] || fail "sending the report failed: ${send%$'\n'*}"
  curl -sS -o "$OUT/$DEMO_BRAND-$DEMO_MONTH.pdf" "$base/reports/$DEMO_MONTH.pdf"

  say "Series health (the uploads queued a check; waiting for the queue to drain)"
  for _ in $(seq 1 60); do
    ls "$OUT/outbox"/*.json >/dev/null 2>&1 && break
    sleep 0.5
  done
  api "$base/series" | sed '$d' | jq -r 'def pct: if . == null then "—" else "\((. * 1000 | round) / 10)%" end;
    .series[] | "  \(.status | ascii_upcase | . + (" " * (18 - length))) \(.channel)/\(.series): recent ER \(.recentEngagementRate | pct) vs baseline \(.baselineEngagementRate | pct)"' 2>/dev/null || true

  say "Weekly status digest (the Monday timer, run now: last week's digest for the team, exactly once)"
  api -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$PORT/admin/functions/PlanWeeklyDigests" >/dev/null
  for _ in $(seq 1 60); do
    ls "$OUT/outbox"/*digest*.json >/dev/null 2>&1 && break
    sleep 0.5
  done
  ls "$OUT/outbox"/*digest*.json >/dev/null 2>&1 || echo "  (no digest yet: see out/functions.log)"

  echo
  say "Done. What the pipeline produced:"
  printf '  report PDF    out/%s\n' "$DEMO_BRAND-$DEMO_MONTH.pdf"
  printf '  report model  out/%s\n' "$DEMO_BRAND-$DEMO_MONTH.json"
  for f in "$OUT"/outbox/*; do [ -e "$f" ] && printf '  outbox        %s\n' "${f#"$ROOT"/}"; done
  printf '  logs          out/functions.log, out/azurite.log\n'
}

cmd_pictures() {
  # The README's pictures of the report come from the demo's PDF. The cover and footers print the day the report was
  # generated, so the pictures change when (and only when) this command is run; ./run.sh demo never touches them.
  cmd_demo
  say "README pictures (docs/images/) from out/$DEMO_BRAND-$DEMO_MONTH.pdf"
  rm -f docs/images/"$DEMO_BRAND-$DEMO_MONTH"-*.png
  bash eng/render-report-pages.sh "$OUT/$DEMO_BRAND-$DEMO_MONTH.pdf" docs/images "$PICTURE_PAGES" 70
}

cmd_serve() {
  ensure_tools
  build
  mkdir -p "$OUT"
  start_azurite "$ROOT/.azurite"
  start_app env
  say "Serving on http://127.0.0.1:$PORT — open it in a browser for the team's page; the API is under /api/ (Ctrl+C to stop)"
  tail -f "$OUT/functions.log"
}

cmd_test() {
  ensure_tools
  # The web page's end-to-end tests drive Debian's chromium (never a browser downloaded by Playwright).
  command -v chromium >/dev/null || apt_install chromium
  local results="$OUT/test-results"
  rm -rf "$results"; mkdir -p "$results"
  local failed_steps=0

  say "Bicep: build and lint every file under infra/"
  if [ -x eng/bicep.sh ]; then bash eng/bicep.sh || failed_steps=$((failed_steps + 1)); fi

  build
  say "Packaging (the deployment zip; a test checks its contents)"
  bash eng/package.sh || failed_steps=$((failed_steps + 1))
  local passed=0 failed=0 skipped=0
  for project in tests/*.Tests/*.csproj; do
    local name; name=$(basename "$project" .csproj)
    local dll="$(dirname "$project")/bin/Release/net10.0/$name.dll"
    local trx="$results/$name.trx"
    say "Testing $name"
    # xunit v3 test projects are executables; running them directly avoids the VSTest/MTP split of 'dotnet test'.
    dotnet "$dll" -noColor -noLogo -result-trx "$trx" -maxThreads 2 || true
    if [ ! -f "$trx" ]; then
      echo "  no results from $name (crashed?)"; failed=$((failed + 1)); continue
    fi
    local counters; counters=$(grep -o '<Counters [^>]*>' "$trx")
    local p f e t ex
    p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
    f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
    e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")
    t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
    ex=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
    passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + t - ex))
  done
  if [ "$failed_steps" -gt 0 ]; then
    echo "Bicep check or packaging failed (counted as failed tests)."
    failed=$((failed + failed_steps))
  fi
  [ "$skipped" -gt 0 ] && echo "($skipped skipped)"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

cmd_package() {
  bash eng/package.sh
}

cmd_bench() {
  ensure_tools
  build
  say "Benchmarks — each end-to-end measure starts its own Azurite and app (ports: AZURITE_*_PORT, PORT)"
  export PORT AZURITE_BLOB_PORT AZURITE_QUEUE_PORT AZURITE_TABLE_PORT
  dotnet bench/SocialFunctions.Benchmarks/bin/Release/net10.0/SocialFunctions.Benchmarks.dll "$@"
}

cmd_migrate() {
  ensure_tools
  say "Building the migration command"
  dotnet build src/SocialFunctions.Migrate -c Release -nologo -v quiet -clp:ErrorsOnly
  if [ -z "${AzureWebJobsStorage:-}" ] && [ -z "${AzureWebJobsStorage__accountName:-}" ]; then
    # Locally: the Azurite of ./run.sh serve (its data in .azurite/), whether it is running or not.
    mkdir -p "$OUT"
    if ! curl -s -o /dev/null "http://127.0.0.1:$AZURITE_TABLE_PORT/"; then start_azurite "$ROOT/.azurite"; fi
    export AzureWebJobsStorage; AzureWebJobsStorage="$(storage_connection)"
  fi
  dotnet src/SocialFunctions.Migrate/bin/Release/net10.0/migrate.dll "$@"
}

cmd_mutate() {
  ensure_tools
  bash eng/mutate.sh "$@"
}

case "${1:-}" in
  demo) shift; cmd_demo "$@" ;;
  pictures) shift; cmd_pictures "$@" ;;
  test) shift; cmd_test "$@" ;;
  serve) shift; cmd_serve "$@" ;;
  package) shift; cmd_package "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  migrate) shift; cmd_migrate "$@" ;;
  mutate) shift; cmd_mutate "$@" ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
