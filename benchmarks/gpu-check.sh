#!/usr/bin/env bash
# The GPU check in one go: the CUDA tests, `translate bench` on the GPU (beam 4: naive,
# pipeline-style, ours with our decoding loop, ours with plain generate, and ctranslate2
# (ours and bare) where its package is installed; then greedy), the
# batch job end to end on 500-word articles, and a torch-profiler trace of one translation
# window and one summary batch, and our translator on 16,384 sentences with and without CUDA
# graphs (beam 4 and greedy), and the batch job reading in turn against reading ahead.
# Everything it prints goes to OUTDIR/gpu-check.log, the
# figures to OUTDIR/*.json.
#
#   benchmarks/gpu-check.sh [OUTDIR]                 (default: $OUT, else benchmarks/gpu-out)
#   DEVICE=cpu SMALL=1 benchmarks/gpu-check.sh DIR   the same steps on the CPU, tiny workload:
#                                                    the dry run that catches typos for free
#   STEPS="tests beam4" benchmarks/gpu-check.sh      only these of: tests beam4 greedy batch
#                                                    summaries profile throughput readahead
#                                                    (a rerun with the time left)
#
# The steps' limits add up to more than one 10-minute device call: run it as two, e.g.
#   STEPS="tests beam4 greedy" benchmarks/gpu-check.sh "$OUT"
#   STEPS="batch summaries profile throughput readahead" benchmarks/gpu-check.sh "$OUT"
#
# Nothing is downloaded: it runs the project from its own files (PYTHONPATH) on the project's
# .venv when there is one, else on the machine's python3 (GPU images ship torch and
# transformers). Each step has its own time limit, so the whole check ends within 8 minutes.
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
steps=" ${STEPS:-tests beam4 greedy batch summaries profile throughput readahead} "
want() { [[ "$steps" == *" $1 "* ]]; }
work="$(mktemp -d)"
status=0
step() { echo; echo "=== $1 ($(date +%T))"; }
run() {
  local limit=$1
  shift
  timeout "$limit" "$@"
  local code=$?
  if [ $code -ne 0 ]; then
    echo "!!! exit $code (124: over its ${limit}s limit): $*"
    status=1
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

step "machine"
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

if want tests; then
step "CUDA tests"
run 100 $py -m pytest -q -p no:cacheprovider -m cuda -rs tests
fi

if want beam4; then
step "bench, beam 4: naive, pipeline-style, ours (own loop), ours with plain generate"
run 200 $py -m translate bench --device "$device" --generate "${bench_size[@]}" "${engine_args[@]}" \
  --json "$out/bench-beam4.json"
fi

if want greedy; then
step "bench, greedy"
run 80 $py -m translate bench --device "$device" --beams 1 --no-naive "${bench_size[@]}" "${engine_args[@]}" \
  --json "$out/bench-greedy.json"
fi

if want batch; then
# Without summaries: a random-weight translation is made of the synthetic vocabulary's pieces
# (x50190 ...), which the summarizer's byte-level BPE re-tokenizes ~7x longer than English,
# so summaries of it would time a workload no real article has. `translate bench` times the
# summaries on English input.
step "batch job, translation only: ${inbox_size[0]} articles of ${inbox_size[1]} sentences, bench-shaped models"
run 30 $py benchmarks/gpu_check.py inbox "$work/inbox" "${inbox_size[@]}"
for engine in torch ${engine_args[1]:-}; do
  started=$(date +%s%N)
  run 100 $py -m translate batch "$work/inbox" "$work/outbox-$engine" --device "$device" --offline \
    --model .bench-models/opus-mt-shape --no-summary --window 32 --engine "$engine" -v "${batch_extra[@]}"
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  done_count=$(find "$work/outbox-$engine" -name '*.json' | wc -l)
  echo "{\"engine\": \"$engine\", \"articles\": $done_count, \"ms_with_model_loading\": $elapsed_ms}" \
    | tee "$out/batch-job-$engine.json"
done
fi

if want summaries; then
# The job's other half on English-like input: English articles are copied through by the
# language check and summarized (map-reduce, beam 4), so articles/s here and in the
# translation-only step above give the whole job's rate: 1 / (1/translate + 1/summarize).
step "batch job, summaries: ${inbox_size[0]} English articles of 300-900 tokens, bench-shaped models"
run 30 $py benchmarks/gpu_check.py english "$work/english" "${inbox_size[0]}"
started=$(date +%s%N)
run 150 $py -m translate batch "$work/english" "$work/outbox-summaries" --device "$device" --offline \
  --model .bench-models/opus-mt-shape --summarizer .bench-models/distilbart-shape --window 64 -v \
  "${summary_extra[@]}"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
done_count=$(find "$work/outbox-summaries" -name '*.summary.txt' | wc -l)
echo "{\"articles_summarized\": $done_count, \"ms_with_model_loading\": $elapsed_ms}" \
  | tee "$out/batch-job-summaries.json"
fi

if want profile; then
step "profile of one translation window and one summary batch"
run 90 $py benchmarks/gpu_check.py profile "$out" "$device" "${profile_size[@]}"
fi

if want throughput; then
step "throughput: our translator on ${throughput_size[0]} sentences, with and without CUDA graphs"
run 180 $py benchmarks/gpu_check.py throughput "$out" "$device" "${throughput_size[@]}"
fi

if want readahead; then
step "batch job reading in turn against reading ahead (translation only, greedy)"
run 150 $py benchmarks/read_ahead.py --device "$device" "${readahead_size[@]}" --json "$out/read-ahead.json"
fi

rm -rf "$work"
step "done (status $status)"
exit $status
