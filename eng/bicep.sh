#!/usr/bin/env bash
# Builds and lints every .bicep and .bicepparam file under infra/ with the Bicep CLI from NuGet, and fails on any
# warning or error (the CLI itself exits 0 on warnings, so its diagnostics are counted here).
# Usage: eng/bicep.sh            (BICEP=/path/to/bicep skips the NuGet restore)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
infra="$root/infra"
tool_project="$root/eng/tools/bicep/bicep.proj"

if [[ -z "${BICEP:-}" ]]; then
  # The package's build props define BicepPath once restored; the version comes from Directory.Packages.props.
  dotnet restore "$tool_project" --verbosity quiet >/dev/null
  BICEP="$(dotnet msbuild "$tool_project" -nologo -getProperty:BicepPath)"
fi
if [[ ! -f "$BICEP" ]]; then
  echo "bicep: CLI not found at '$BICEP'" >&2
  exit 1
fi
# NuGet extraction does not always keep the execute bit.
[[ -x "$BICEP" ]] || chmod +x "$BICEP"

mapfile -t bicep_files < <(cd "$infra" && find . -name '*.bicep' -not -path '*/node_modules/*' | sort)
mapfile -t param_files < <(cd "$infra" && find . -name '*.bicepparam' -not -path '*/node_modules/*' | sort)
if (( ${#bicep_files[@]} == 0 )); then
  echo "bicep: FAILED, no .bicep files under infra/" >&2
  exit 1
fi

out="$(mktemp -d)"
log="$out/diagnostics.log"
trap 'rm -rf "$out"' EXIT

status=0
cd "$infra"
# One CLI process per step (--pattern) instead of one per file: each start of the CLI costs seconds.
"$BICEP" build --pattern '**/*.bicep' --outdir "$out/json" >>"$log" 2>&1 || status=1
"$BICEP" lint --pattern '**/*.bicep' >>"$log" 2>&1 || status=1
if (( ${#param_files[@]} > 0 )); then
  "$BICEP" build-params --pattern '**/*.bicepparam' --outdir "$out/params" >>"$log" 2>&1 || status=1
  "$BICEP" lint --pattern '**/*.bicepparam' >>"$log" 2>&1 || status=1
fi

# Default diagnostics format: "<file>(<line>,<col>) : <Level> <code>: <message>". The same diagnostic is reported by
# build and lint (and again through every file that uses the module), so count distinct lines.
diagnostics="$(grep -E '\) : (Error|Warning) ' "$log" | sort -u || true)"
errors="$(grep -c ' : Error ' <<<"$diagnostics" || true)"
warnings="$(grep -c ' : Warning ' <<<"$diagnostics" || true)"

# Anything else the CLI printed (crash, unknown option) is shown too, so a failure never goes unexplained.
if [[ -n "$diagnostics" ]]; then
  echo "$diagnostics" | sed "s|$infra/|infra/|"
fi
other="$(grep -v -E '\) : (Error|Warning|Info) ' "$log" || true)"
if [[ -n "$other" ]]; then
  echo "$other"
fi

files=$(( ${#bicep_files[@]} + ${#param_files[@]} ))
if (( status != 0 || errors > 0 || warnings > 0 )); then
  echo "bicep: FAILED, $files files built and linted: $errors errors, $warnings warnings"
  exit 1
fi
echo "bicep: OK, $files files built and linted (${#bicep_files[@]} .bicep, ${#param_files[@]} .bicepparam): 0 errors, 0 warnings"
