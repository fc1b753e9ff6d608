#!/usr/bin/env bash
# Installs what is missing, builds, prepares the bundled sample project (import, clean and
# split the support tickets) and fine-tunes a built-in BERT on it with
# resources/samples/sample-run.json. With a display, Finetune Studio opens on the Train page
# with that config loaded and started, so the curves grow live. Without one (CI, a server)
# `finetune train --config` trains headless and the GUI renders the Train page of the
# finished run to a PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${FT_BUILD_DIR:-build/dev}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target finetune finetune-studio

cli="$build/app/finetune"
gui="$build/app/gui/finetune-studio"
config=resources/samples/sample-run.json
project=${FT_SAMPLE_PROJECT:-${TMPDIR:-/tmp}/finetune-sample-project}
rm -rf "$project"
"$cli" project init "$project"
"$cli" data import --project "$project" --input resources/samples/support-tickets.csv \
    --text-column text --label-column intent
"$cli" data clean --project "$project" --steps html,unicode,duplicates,empty
"$cli" data split --project "$project" --seed 42 --ratios 70,15,15 --stratify

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$gui" "$project" --train-config "$config"
fi

echo "No display: training the sample headless."
"$cli" train --project "$project" --config "$config"
"$cli" runs list --project "$project"
shot="$project/train-page.png"
if QT_QPA_PLATFORM=offscreen "$gui" "$project" --page train --screenshot "$shot" \
    >/dev/null 2>&1; then
    echo "The Train page of the finished run, rendered offscreen: $shot"
fi
