#!/usr/bin/env bash
# Retakes Docs/images/editor-lsp.png: Neovim in a real terminal (xterm) under Xvfb, set up as
# Docs/Editors.md says, on a copy of catalogs/freemium-to-enterprise.plancat with a planted error, its
# diagnostic and the hover of a plan (nvim/screenshot.lua sets the scene). Not run by CI. Needs Debian's
# neovim, xvfb, xterm, x11-apps (xwd) and imagemagick (convert):
#   apt-get install -y --no-install-recommends neovim xvfb xterm x11-apps imagemagick fonts-dejavu-core
# Run from anywhere: `bash Tests/LanguageServerEndToEnd/screenshot.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
exec </dev/null

swift build --product plancat
bin="$(swift build --show-bin-path)"
work="$(mktemp -d)"
cp -R catalogs "$work/catalogs"
display=:77
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp &
pids+=($!)
sleep 1
DISPLAY="$display" PATH="$bin:$PATH" PLANCAT_SCREENSHOT_READY="$work/ready" \
    xterm -T plancat -geometry 120x34+0+0 -fa 'DejaVu Sans Mono' -fs 10 -bg '#1e1e1e' -fg '#d4d4d4' \
    -e sh -c 'cd "$1" && shift && exec "$@"' sh "$work" \
        nvim --clean -u "$PWD/Tests/LanguageServerEndToEnd/nvim/init.lua" -c 'set termguicolors nowrap' \
        -c "luafile $PWD/Tests/LanguageServerEndToEnd/nvim/screenshot.lua" catalogs/freemium-to-enterprise.plancat &
pids+=($!)
for _ in $(seq 100); do [ -e "$work/ready" ] && break; sleep 0.2; done
[ -e "$work/ready" ] || { echo "error: Neovim did not set the scene" >&2; exit 1; }
echo "scene: $(cat "$work/ready")"
sleep 0.5
xwd -silent -display "$display" -name plancat | convert xwd:- -strip PNG8:Docs/images/editor-lsp.png
ls -l Docs/images/editor-lsp.png
