#!/usr/bin/env bash
# Builds the deployable zip for the Flex Consumption app: out/package/socialfunctions.zip with
#   host.json, one folder per function (each with its function.json), bin/ = self-contained linux-x64 handler.
# Zipped here on Linux so bin/handler keeps its execute bit (zips made on Windows lose it and the host cannot start).
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
host_project="$root/src/SocialFunctions.Host/SocialFunctions.Host.csproj"
# The host starts customHandler.description.defaultExecutablePath; the zip must have that file, executable.
executable="$(grep -o '"defaultExecutablePath"[[:space:]]*:[[:space:]]*"[^"]*"' "$root/host.json" | sed 's/.*"\([^"]*\)"$/\1/')"
if [[ -z "$executable" ]]; then
  echo "package: FAILED, host.json has no customHandler.description.defaultExecutablePath" >&2
  exit 1
fi

rm -rf "$stage" "$zip_path"
mkdir -p "$stage"

if [[ -n "$publish_dir" ]]; then
  mkdir -p "$stage/bin"
  cp -a "$publish_dir/." "$stage/bin/"
else
  # Self-contained: Flex has no .NET 10 runtime for a 'custom' app, so the runtime travels in the package.
  dotnet publish "$host_project" -c Release -r linux-x64 --self-contained \
    -o "$stage/bin" --artifacts-path "$artifacts" -nologo --verbosity quiet
fi

if [[ ! -f "$stage/$executable" ]]; then
  echo "package: FAILED, host.json points at '$executable' but the publish did not produce it" >&2
  exit 1
fi
chmod +x "$stage/$executable"

cp "$root/host.json" "$stage/"
functions=0
while IFS= read -r manifest; do
  folder="$(basename "$(dirname "$manifest")")"
  mkdir -p "$stage/$folder"
  cp "$manifest" "$stage/$folder/"
  functions=$((functions + 1))
done < <(find "$root" -mindepth 2 -maxdepth 2 -name function.json | sort)

if (( functions == 0 )); then
  echo "package: FAILED, no function folders (<Name>/function.json) at the repository root" >&2
  exit 1
fi

(
  cd "$stage"
  if command -v zip >/dev/null 2>&1; then
    # -X drops extra attributes (uid/gid, timestamps) but keeps the Unix mode, which carries +x.
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
echo "package: OK, ${zip_path#"$root"/} ($size): host.json, $functions functions, $executable"
