#!/usr/bin/env bash
# Load run of `finetune serve` on loopback with wrk: builds a small classifier folder
# (bench_serve: a built-in BERT shape with random weights, real SMS texts as bodies),
# starts the server on a free port, runs wrk at concurrency 1, 8 and 32, and prints
# requests/s, p50 / p99 latency, the answers by status (every request must be answered:
# 200 or a counted 503, no socket errors) and the mean batch size the server formed.
# Measures, never asserts (exit status 1 only when a request went unanswered).
# On a machine shared with other work, libgomp's spin-waiting threads can slow LibTorch
# down many times over; OMP_WAIT_POLICY=passive in the environment avoids that.
#
# Usage: bash bench/serve-load.sh [build dir, default build/dev]
# Environment: SHAPE (bert-tiny | bert-mini | bert-small, default bert-tiny),
#   DURATION (per load, default 10s), CONCURRENCY (default "1 8 32"), THREADS (compute
#   threads of the server and of the direct measurement; default all cores),
#   SERVE_ARGS (extra `finetune serve` options, e.g. "--max-wait-ms 2 --max-batch 16").
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
shape=${SHAPE:-bert-tiny}
duration=${DURATION:-10s}
levels=${CONCURRENCY:-1 8 32}
threads=${THREADS:-$(nproc)}

command -v wrk >/dev/null || { echo "serve-load: wrk is not installed (scripts/install-deps.sh)" >&2; exit 2; }
cmake --build "$build" --target finetune bench_serve >/dev/null

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$build/bench/bench_serve" "$work" --shape "$shape" --threads "$threads" | tee "$work/direct.txt"

# shellcheck disable=SC2086
"$build/app/finetune" serve --model "$work/model" --port 0 --threads "$threads" ${SERVE_ARGS:-} \
    >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 600); do
    grep -q '^serving ' "$work/serve.out" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.1
done
url=$(sed -n 's/^serving .* on \(http:[^ ]*\)$/\1/p' "$work/serve.out")
[ -n "$url" ] || { echo "serve-load: the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
echo "server: $(cat "$work/serve.out") --threads $threads ${SERVE_ARGS:-}"

# finetune_batch_size_sum and _count, to get the mean batch size of one load.
batches() {
    curl -s "$url/metrics" | awk '/^finetune_batch_size_sum /{s=$2} /^finetune_batch_size_count /{c=$2} END{print s+0, c+0}'
}

# A short warm-up (first-call allocations, page faults) that is not measured.
wrk -t 1 -c 1 -d 2s -s "$work/load.lua" "$url/v1/predict" >/dev/null

unanswered=0
rows=()
for c in $levels; do
    read -r s0 n0 < <(batches)
    wrk -t "$((c < 2 ? c : 2))" -c "$c" -d "$duration" --timeout 10s -s "$work/load.lua" "$url/v1/predict" \
        >"$work/wrk-$c.txt"
    read -r s1 n1 < <(batches)
    line=$(grep '^RESULT ' "$work/wrk-$c.txt") || { cat "$work/wrk-$c.txt" >&2; exit 1; }
    eval "$(echo "${line#RESULT }" | tr ' ' '\n' | sed 's/^/r_/')"
    sockerr=$((r_connect + r_read + r_write + r_timeout))
    answered=$((r_ok + r_s503 + r_other))
    [ "$sockerr" -eq 0 ] && [ "$answered" -eq "$r_requests" ] && [ "$r_other" -eq 0 ] || unanswered=1
    rows+=("$(awk -v c="$c" -v req="$r_requests" -v us="$r_duration_us" -v p50="$r_p50_us" \
        -v p99="$r_p99_us" -v ok="$r_ok" -v b="$r_s503" -v o="$r_other" -v e="$sockerr" \
        -v s0="$s0" -v s1="$s1" -v n0="$n0" -v n1="$n1" 'BEGIN {
            ds = s1 - s0; dn = n1 - n0
            printf "%11d %9d %10.1f %9.2f %9.2f %8d %6d %6d %8d %10.2f\n",
                c, req, req / (us / 1e6), p50 / 1000, p99 / 1000, ok, b, o, e, (dn > 0 ? ds / dn : 0) }')")
done

echo
echo "finetune serve, $shape, $(nproc) cores, $threads compute threads, wrk ${duration} per load, one text per request"
printf "%11s %9s %10s %9s %9s %8s %6s %6s %8s %10s\n" concurrency requests "req/s" "p50 ms" \
    "p99 ms" "200" "503" other "sockerr" "mean batch"
printf "%s\n" "${rows[@]}"
grep '^direct' "$work/direct.txt" | sed 's/^/model alone (Model::predict): /'
[ "$unanswered" -eq 0 ] || { echo "serve-load: some requests went unanswered (see above)" >&2; exit 1; }
