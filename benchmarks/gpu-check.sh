#!/usr/bin/env bash
# The GPU check in one go: the CUDA tests, `translate bench` on the GPU (beam 4: naive,
# pipeline-style, ours with our decoding loop, ours with plain generate, and ctranslate2
# (ours and bare) where its package is installed; then greedy), the
# batch job end to end on 500-word articles, and a torch-profiler trace of one translation
# window and one summary batch, and our translator on 16,384 sentences with CUDA graphs, step
# by step and with plain generate (beam 4 and greedy), and the batch job reading in turn
# against reading ahead.
# Everything it prints goes to OUTDIR/gpu-check.log, the
# figures to OUTDIR/*.json (*.txt for the profiler's tables).
#
#   benchmarks/gpu-check.sh [OUTDIR]                 (default: $OUT, else benchmarks/gpu-out)
#   DEVICE=cpu SMALL=1 benchmarks/gpu-check.sh DIR   the same steps on the CPU, tiny workload:
#                                                    the dry run that catches typos for free
#   STEPS="tests beam4" benchmarks/gpu-check.sh      only these, in this order, of: tests
#                                                    throughput beam4 summaries batch profile
#                                                    greedy readahead (the default order)
#
# One device call may run 10 minutes and a session has 15 minutes of device time, the start
# included, so the check keeps to a budget: BUDGET_S seconds (default 540) for this call. Steps
# run in the order of STEPS (default: most telling first); one starts only while the time it
# usually takes is left, and every command is cut to the time left. What did not run is
# printed at the end as the STEPS of a second call, made at once while the machine is warm
# (exit status: 0 all ran and passed, 1 a step failed or was cut, 3 steps were left):
#   BUDGET_S=540 benchmarks/gpu-check.sh              (device run with timeout_s 590)
#   STEPS="<the steps left>" BUDGET_S=<seconds left> benchmarks/gpu-check.sh
# A device call brings back at most 8 files, so on the device (OUT set) the figures come back
# as one archive, OUTDIR/gpu-check-figures.tgz, packed anew after every step, beside the log;
# elsewhere they are written into OUTDIR as files.
#
# Nothing is downloaded: it runs the project from its own files (PYTHONPATH) on the project's
# .venv when there is one, else on the machine's python3 (GPU images ship torch and
# transformers).
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:-${OUT:-benchmarks/gpu-out}}"
device="${DEVICE:-cuda}"
mkdir -p "$out"
exec > >(tee "$out/gpu-check.log") 2>&1
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
py="${PYTHON:-}"
if [ -z "$py" ]; then
  if [ -x .venv/bin/python ]; then py=.venv/bin/python; else py=python3; fi
fi
steps="${STEPS:-tests throughput beam4 summaries batch profile greedy readahead}"
budget="${BUDGET_S:-540}"
t0=$(date +%s)
work="$(mktemp -d)"
# The figures: loose files in OUTDIR, except on the device, where they travel as one archive
if [ -n "${OUT:-}" ] && [ "$out" = "$OUT" ]; then res="$work/figures"; else res="$out"; fi
mkdir -p "$res"
status=0
left=()
current=""
say() { echo; echo "=== $1 ($(date +%T), $(($(date +%s) - t0))s of ${budget}s)"; }
pack() {
  [ "$res" = "$out" ] && return
  tar -czf "$out/.figures.tgz" -C "$res" . && mv "$out/.figures.tgz" "$out/gpu-check-figures.tgz"
}
# run LIMIT CMD...: the command under LIMIT seconds, or under the budget's rest if that is less
run() {
  local limit=$1 rest=$((budget - ($(date +%s) - t0)))
  shift
  ((rest < limit)) && limit=$rest
  ((limit < 5)) && limit=5
  timeout "$limit" "$@"
  local code=$?
  if [ $code -ne 0 ]; then
    echo "!!! exit $code (124: over its ${limit}s limit): $*"
    status=1
    [ $code -eq 124 ] && left+=("$current")
  fi
}

if [ "${SMALL:-0}" = 1 ]; then
  bench_size=(--articles 2 --sentences 3 --summary-tokens 12 --naive-sentences 2)
  inbox_size=(1 5)
  batch_extra=(--beams 1)
  summary_extra=(--summary-max-tokens 12 --summary-min-tokens 4)
  profile_size=(16 2)
  throughput_size=(64)
  readahead_size=(--articles 4 --sentences 2 --window 2)
else
  bench_size=()
  inbox_size=(${INBOX_ARTICLES:-128} 25)
  batch_extra=()
  summary_extra=()
  profile_size=(1024 64)
  throughput_size=(${THROUGHPUT_SENTENCES:-16384})
  readahead_size=(--articles 512 --sentences 8 --window 32)
fi

say "machine"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null \
  || echo "nvidia-smi: not found"
$py - <<'PY'
from importlib.metadata import PackageNotFoundError, version
for name in ("torch", "transformers", "tokenizers", "sentencepiece", "typer", "rich", "ctranslate2"):
    try:
        print(name, version(name))
    except PackageNotFoundError:
        print(name, "not installed")
import torch
print("cuda:", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none")
PY

# CTranslate2 is not on GPU images: a wheel carried in .gpu-wheels/ (see benchmarks/README.md)
# is unpacked into the scratch folder, and CUDA 12 libraries that pip put beside torch are
# put on the loader path for it.
if ! $py -c "import ctranslate2" 2>/dev/null && ls .gpu-wheels/ctranslate2-*.whl >/dev/null 2>&1; then
  $py -m pip install -q --no-deps --target "$work/site" .gpu-wheels/ctranslate2-*.whl \
    && export PYTHONPATH="$PYTHONPATH:$work/site"
  nvidia_libs=$($py -c "import glob, os, site; print(':'.join(sorted(glob.glob(os.path.join(site.getsitepackages()[0], 'nvidia', '*', 'lib')))))" 2>/dev/null)
  export LD_LIBRARY_PATH="${nvidia_libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  $py -c "import ctranslate2; print('ctranslate2', ctranslate2.__version__, 'cuda devices:', ctranslate2.get_cuda_device_count())" \
    || echo "ctranslate2: carried wheel did not import"
fi

# Every engine available: ctranslate2 joins the bench where its package is installed
engine_args=()
if $py -c "import ctranslate2" 2>/dev/null; then engine_args=(--engine ctranslate2); fi

# The bench-shaped models every step but the tests reads: built before the first such step
# (once; kept in .bench-models/), within the budget
models_ready=0
models() {
  ((models_ready)) && return
  say "bench-shaped models"
  current=""  # built again by any later call
  run 120 $py -c "from pathlib import Path; from translate.bench.workload import bench_models; bench_models(False, Path('.bench-models'), print)"
  models_ready=1
}

step_tests() {
  run 180 $py -m pytest -q -p no:cacheprovider -m cuda -rs tests
}

step_beam4() {
  run 200 $py -m translate bench --device "$device" --generate "${bench_size[@]}" "${engine_args[@]}" \
    --json "$res/bench-beam4.json"
}

step_greedy() {
  run 80 $py -m translate bench --device "$device" --beams 1 --no-naive "${bench_size[@]}" "${engine_args[@]}" \
    --json "$res/bench-greedy.json"
}

# Without summaries: a random-weight translation is made of the synthetic vocabulary's pieces
# (x50190 ...), which the summarizer's byte-level BPE re-tokenizes ~7x longer than English,
# so summaries of it would time a workload no real article has. The summaries step times them
# on English input.
step_batch() {
  run 30 $py benchmarks/gpu_check.py inbox "$work/inbox" "${inbox_size[@]}"
  local engine started elapsed_ms done_count
  for engine in torch ${engine_args[1]:-}; do
    started=$(date +%s%N)
    run 100 $py -m translate batch "$work/inbox" "$work/outbox-$engine" --device "$device" --offline \
      --model .bench-models/opus-mt-shape --no-summary --window 32 --engine "$engine" -v "${batch_extra[@]}"
    elapsed_ms=$((($(date +%s%N) - started) / 1000000))
    done_count=$(find "$work/outbox-$engine" -name '*.json' | wc -l)
    echo "{\"engine\": \"$engine\", \"articles\": $done_count, \"ms_with_model_loading\": $elapsed_ms}" \
      | tee "$res/batch-job-$engine.json"
  done
}

# The job's other half on English-like input: English articles are copied through by the
# language check and summarized (map-reduce, beam 4), so articles/s here and in the
# translation-only step give the whole job's rate: 1 / (1/translate + 1/summarize).
step_summaries() {
  run 30 $py benchmarks/gpu_check.py english "$work/english" "${inbox_size[0]}"
  local started elapsed_ms done_count
  started=$(date +%s%N)
  run 150 $py -m translate batch "$work/english" "$work/outbox-summaries" --device "$device" --offline \
    --model .bench-models/opus-mt-shape --summarizer .bench-models/distilbart-shape --window 64 -v \
    "${summary_extra[@]}"
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  done_count=$(find "$work/outbox-summaries" -name '*.summary.txt' | wc -l)
  echo "{\"articles_summarized\": $done_count, \"ms_with_model_loading\": $elapsed_ms}" \
    | tee "$res/batch-job-summaries.json"
}

step_profile() {
  run 90 $py benchmarks/gpu_check.py profile "$res" "$device" "${profile_size[@]}"
}

step_throughput() {
  run 240 $py benchmarks/gpu_check.py throughput "$res" "$device" "${throughput_size[@]}"
}

step_readahead() {
  run 150 $py benchmarks/read_ahead.py --device "$device" "${readahead_size[@]}" --json "$res/read-ahead.json"
}

# What each step usually takes on the H200 (seconds; a step starts only with this much left)
declare -A usual=([tests]=90 [throughput]=170 [beam4]=130 [summaries]=60 [batch]=70
  [profile]=70 [greedy]=60 [readahead]=70)
declare -A title=(
  [tests]="CUDA tests"
  [throughput]="throughput: our translator on ${throughput_size[0]} sentences: CUDA graphs, step by step, plain generate"
  [beam4]="bench, beam 4: naive, pipeline-style, ours (own loop, graphs and step by step), ours with plain generate"
  [summaries]="batch job, summaries: ${inbox_size[0]} English articles of 300-900 tokens, bench-shaped models"
  [batch]="batch job, translation only: ${inbox_size[0]} articles of ${inbox_size[1]} sentences, bench-shaped models"
  [profile]="profile of one translation window and one summary batch"
  [greedy]="bench, greedy"
  [readahead]="batch job reading in turn against reading ahead (translation only, greedy)"
)
for name in $steps; do
  if [ -z "${usual[$name]:-}" ]; then
    echo "!!! no step $name (steps: ${!usual[*]})"
    status=1
    continue
  fi
  rest=$((budget - ($(date +%s) - t0)))
  if ((rest < usual[$name])); then
    echo; echo "--- $name not started: ${rest}s of the budget left, it usually takes ${usual[$name]}s"
    left+=("$name")
    continue
  fi
  [ "$name" = tests ] || models
  say "${title[$name]}"
  current=$name
  "step_$name"
  pack
done

rm -rf "$work"
if ((${#left[@]})) && ((status == 0)); then status=3; fi
say "done (status $status)"
if ((${#left[@]})); then
  echo "left for a second call: STEPS=\"$(printf '%s\n' "${left[@]}" | awk '!seen[$0]++' | xargs)\""
fi
exit $status
