#!/usr/bin/env bash
# Renders pages of a PDF to PNG images, e.g. for the README's report pictures.
# Usage: eng/render-report-pages.sh <pdf> <outdir> [pages] [dpi]
#   pages: comma-separated page numbers or ranges ("1,3,5-7"); default: all pages
#   dpi:   resolution, default 60 (enough to judge a layout; use 110 for README pictures)
# Writes <outdir>/<pdf-name>-<page>.png. Needs pdftoppm (poppler-utils); installs it with apt-get when missing.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 <pdf> <outdir> [pages] [dpi]" >&2
  exit 2
fi

pdf="$1"
outdir="$2"
pages="${3:-}"
dpi="${4:-60}"

if [[ ! -f "$pdf" ]]; then
  echo "error: no such PDF: $pdf" >&2
  exit 1
fi

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "pdftoppm not found; installing poppler-utils" >&2
  if [[ $(id -u) -eq 0 ]]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq >&2
  "${sudo_cmd[@]}" apt-get install -y -qq poppler-utils >&2
fi

mkdir -p "$outdir"
name="$(basename "${pdf%.*}")"

render_range() {
  local first="$1" last="$2"
  pdftoppm -png -r "$dpi" -f "$first" -l "$last" "$pdf" "$outdir/$name"
}

if [[ -z "$pages" ]]; then
  pdftoppm -png -r "$dpi" "$pdf" "$outdir/$name"
else
  IFS=',' read -ra parts <<< "$pages"
  for part in "${parts[@]}"; do
    if [[ "$part" =~ ^([0-9]+)-([0-9]+)$ ]]; then
      render_range "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    elif [[ "$part" =~ ^[0-9]+$ ]]; then
      render_range "$part" "$part"
    else
      echo "error: bad page spec '$part' (use e.g. 1,3,5-7)" >&2
      exit 2
    fi
  done
fi

ls -1 "$outdir"/"$name"-*.png
