#!/usr/bin/env bash
# Installs what is missing, builds, and opens Finetune Studio on the bundled sample
# project. Without a display it does the same work headless with the CLI (import,
# clean, split, stats of the sample) and prints the result.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${FT_BUILD_DIR:-build/dev}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target finetune finetune-studio

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/gui/finetune-studio" --sample
fi

echo "No display: running the sample headless."
cli="$build/app/finetune"
project=${FT_SAMPLE_PROJECT:-${TMPDIR:-/tmp}/finetune-sample-project}
rm -rf "$project"
"$cli" project init "$project"
"$cli" data import --project "$project" --input resources/samples/support-tickets.csv \
    --text-column text --label-column intent
"$cli" data clean --project "$project" --steps html,unicode,duplicates,empty
"$cli" data split --project "$project" --seed 42 --ratios 70,15,15 --stratify
"$cli" data stats --project "$project"
shot="$project/data-page.png"
if QT_QPA_PLATFORM=offscreen "$build/app/gui/finetune-studio" "$project" --screenshot "$shot" \
    --page data >/dev/null 2>&1; then
    echo "The GUI rendered the project offscreen: $shot"
fi
