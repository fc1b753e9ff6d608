#!/usr/bin/env bash
# Renders the screenshots in docs/screenshots/ from the real application.
#
#   bash scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]      # defaults: build/dev docs/screenshots
#
# Prepares a project with the command-line tool (import, clean and split the bundled support
# tickets, fine-tune with resources/samples/sample-run.json, evaluate and export the run), then
# starts Finetune Studio once per picture with --screenshot: under Xvfb when xvfb-run is
# installed, else on Qt's offscreen platform. Settings live in a temporary HOME, so the
# user's preferences are neither read nor changed. The PNGs are shrunk with pngquant / optipng
# when those are installed. Needs the targets finetune and finetune-studio built in BUILD_DIR.
#
# Environment: FT_SCREENSHOT_PROJECT=DIR keeps the prepared project in DIR and reuses it on the
# next run when it holds an export (to iterate on the pictures without training again).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build/dev}
out=${2:-docs/screenshots}
cli="$build/app/finetune"
gui="$build/app/gui/finetune-studio"
for exe in "$cli" "$gui"; do
    if [ ! -x "$exe" ]; then
        echo "screenshots.sh: $exe is missing; build it first:" >&2
        echo "  cmake --build $build --target finetune finetune-studio" >&2
        exit 1
    fi
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

# A fixed folder, so the paths the pages show are the same on every run.
work=${TMPDIR:-/tmp}/finetune-screenshots
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
export OMP_WAIT_POLICY=passive # no OpenMP spinning when the machine is busy
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC

# A fresh HOME: English, light theme, the guided tour marked as seen.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_CONFIG_HOME/finetune-studio" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
cat >"$XDG_CONFIG_HOME/finetune-studio/finetune-studio.conf" <<'EOF'
[ui]
language=en
theme=light

[tour]
shown=true
EOF

# 1. The project: the same steps as scripts/run-sample.sh, then evaluate and export the run.
project=${FT_SCREENSHOT_PROJECT:-$work/support-tickets}
if [ -n "${FT_SCREENSHOT_PROJECT:-}" ] && [ -d "$project/exports" ] &&
    [ -n "$(ls -A "$project/exports" 2>/dev/null)" ]; then
    echo "Reusing the prepared project $project"
else
    start=$SECONDS
    rm -rf "$project"
    "$cli" project init "$project"
    "$cli" data import --project "$project" --input resources/samples/support-tickets.csv \
        --text-column text --label-column intent
    "$cli" data clean --project "$project" --steps html,unicode,duplicates,empty
    "$cli" data split --project "$project" --seed 42 --ratios 70,15,15 --stratify
    "$cli" train --project "$project" --config resources/samples/sample-run.json
    "$cli" eval --project "$project" --run 1
    "$cli" export --project "$project" --run 1 --name support-intents
    echo "Project prepared in $((SECONDS - start)) s"
fi

# 2. The pictures.
if command -v xvfb-run >/dev/null 2>&1; then
    display=(xvfb-run -a -s "-screen 0 1440x900x24")
else
    echo "xvfb-run is not installed: rendering on Qt's offscreen platform."
    display=(env QT_QPA_PLATFORM=offscreen)
fi
size=1440x900

# shot NAME [GUI OPTIONS...]: one start of the application, one PNG.
shot() {
    local name=$1
    shift
    "${display[@]}" "$gui" --size "$size" --theme light "$@" \
        --screenshot "$out/$name.png" >"$work/$name.log" 2>&1 || {
        echo "screenshots.sh: $name failed:" >&2
        cat "$work/$name.log" >&2
        return 1
    }
    echo "  $out/$name.png"
}

echo "Rendering the pages:"
shot 01-welcome --page welcome
shot 02-data "$project" --page data --tab overview
shot 03-data-cleaning "$project" --page data --tab clean
shot 04-data-split "$project" --page data --tab split
shot 05-model "$project" --page model --model bert-mini --delay 2500
shot 06-train "$project" --page train --delay 2500
shot 07-evaluate-metrics "$project" --page evaluate --tab metrics --delay 3000
shot 08-evaluate-confusion "$project" --page evaluate --tab confusion --delay 3000
shot 09-evaluate-curves "$project" --page evaluate --tab curves --delay 3000
shot 10-evaluate-baselines "$project" --page evaluate --tab baselines --delay 3000
shot 11-evaluate-sensitivity "$project" --page evaluate --tab sensitivity --delay 3000
shot 12-export "$project" --page export --delay 2500
shot 13-settings "$project" --show settings
shot 14-about --show about
shot 15-tour "$project" --page data --show tour --tour-step 3 --delay 2000
shot 16-dark-evaluate "$project" --page evaluate --tab confusion --theme dark --delay 3000

# 3. Smaller files, same pixels to the eye.
if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --quality 80-100 --speed 1 --strip --ext .png "$out"/*.png ||
        true
fi
if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 -strip all "$out"/*.png
fi
ls -l "$out"/*.png
