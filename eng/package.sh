#!/usr/bin/env bash
# Builds the deployable zip of the Functions app for Flex Consumption (runtime dotnet-isolated 10.0):
#   out/package/socialfunctions.zip = the `dotnet publish` output of src/SocialFunctions.Functions, zipped at its root:
#   host.json, worker.config.json, functions.metadata, extensions.json, .azurefunctions/ (the WebJobs extensions the
#   host loads), the app's assemblies and the linux-x64 native libraries (SkiaSharp, HarfBuzz).
# Framework-dependent: Flex's dotnet-isolated 10.0 stack brings the .NET runtime. The local server is not in it.
# Usage: eng/package.sh [--publish-dir DIR] [--output ZIP]
#   --publish-dir  package an existing publish folder instead of running dotnet publish (tests use this)
#   --output       zip path (default out/package/socialfunctions.zip)
#   ARTIFACTS_PATH=<dir> moves dotnet's obj/bin (default artifacts/package).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
zip_path="$root/out/package/socialfunctions.zip"
publish_dir=""
while (( $# > 0 )); do
  case "$1" in
    --publish-dir) publish_dir="$(cd "$2" && pwd)"; shift 2 ;;
    --output) zip_path="$(mkdir -p "$(dirname "$2")" && cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) echo "package: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
stage="${zip_path%.zip}.root"
artifacts="${ARTIFACTS_PATH:-$root/artifacts/package}"
project="$root/src/SocialFunctions.Functions/SocialFunctions.Functions.csproj"

rm -rf "$stage" "$zip_path"
mkdir -p "$stage"

if [[ -n "$publish_dir" ]]; then
  cp -a "$publish_dir/." "$stage/"
else
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false \
    -o "$stage" --artifacts-path "$artifacts" -nologo --verbosity quiet
fi

# What the Functions host reads at the root of the package; without any of these it cannot index or start the app.
for required in host.json worker.config.json functions.metadata; do
  if [[ ! -f "$stage/$required" ]]; then
    rm -rf "$stage"
    echo "package: FAILED, the publish output has no $required" >&2
    exit 1
  fi
done
worker="$(grep -o '"defaultWorkerPath"[[:space:]]*:[[:space:]]*"[^"]*"' "$stage/worker.config.json" | sed 's/.*"\([^"]*\)"$/\1/')"
if [[ -z "$worker" || ! -f "$stage/$worker" ]]; then
  rm -rf "$stage"
  echo "package: FAILED, worker.config.json names '$worker' as the worker, which the publish output lacks" >&2
  exit 1
fi
functions="$(grep -o '"entryPoint"' "$stage/functions.metadata" | wc -l)"

(
  cd "$stage"
  if command -v zip >/dev/null 2>&1; then
    # -X drops extra attributes (uid/gid); .azurefunctions/ is included like any folder.
    zip -q -r -X "$zip_path" .
  else
    python3 - "$zip_path" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, _, files in sorted(os.walk(".")):
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, "."))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so external_attr (mode << 16) is honoured on extraction.
            info.external_attr = (os.stat(path).st_mode & 0xFFFF) << 16
            with open(path, "rb") as source:
                archive.writestr(info, source.read())
PY
  fi
)

rm -rf "$stage"
size="$(du -h "$zip_path" | cut -f1)"
echo "package: OK, ${zip_path#"$root"/} ($size): host.json, worker.config.json ($worker), functions.metadata ($functions functions)"
