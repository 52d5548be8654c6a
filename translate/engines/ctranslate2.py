"""CTranslate2 engine: the inference engine argos-translate and LibreTranslate run opus-mt on.

The same Hugging Face checkpoint is converted once, with CTranslate2's own converter, into a
folder next to it (``<model>-ct2/``, float32 weights) and reused; the compute type is chosen
when loading. Tokenization stays with the checkpoint's own tokenizer, so rows, batches and
outputs are the same token ids the torch engine sees. Nothing is truncated: inputs over the
model's limit are refused (the stages cut them first) and the output cap is ours.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from translate.config import RuntimeOptions, available_cpus
from translate.engines import Generated, GenerationSettings
from translate.engines import checkpoint as hf
from translate.errors import ModelLoadError, UsageError, first_line
from translate.models.hub import ResolvedModel, local_dir_name

logger = logging.getLogger(__name__)

INSTALL = "pip install -e '.[fast]' (or pip install ctranslate2)"
MARKER = "translate-ct2.json"
# --dtype -> CTranslate2 compute type, per device type. auto: float32 on the CPU (int8 stays
# opt-in, as with torch: it changes words), float16 on CUDA.
_COMPUTE = {
    "cpu": {
        "auto": "float32",
        "fp32": "float32",
        "fp16": "float16",
        "bf16": "bfloat16",
        "int8": "int8",
    },
    "cuda": {
        "auto": "float16",
        "fp32": "float32",
        "fp16": "float16",
        "bf16": "bfloat16",
        "int8": "int8_float16",
    },
}
_NAMES = {"float32": "fp32", "float16": "fp16", "bfloat16": "bf16"}


def compute_type(device: str, dtype: str) -> str:
    """CTranslate2's compute type for ``--dtype`` on a device type (``cpu``, ``cuda``).

    Raises:
        UsageError: a dtype this engine does not know.
    """
    table = _COMPUTE[device]
    if dtype not in table:
        raise UsageError(f"unknown dtype {dtype!r}: use {', '.join(table)}")
    return table[dtype]


def _import():
    try:
        import ctranslate2
    except ImportError as exc:
        raise UsageError(f"the ctranslate2 engine is not installed: {INSTALL}") from exc
    return ctranslate2


class CTranslate2Engine(hf.HFTokenized):
    """A seq2seq checkpoint run by CTranslate2.

    Args:
        model: the resolved Hugging Face model folder (converted on first use).
        runtime: device (``auto`` picks CUDA when CTranslate2 sees a GPU), dtype (mapped to a
            compute type) and CPU threads.
    """

    name = "ctranslate2"
    # CTranslate2 has no lexically constrained search; with a glossary the pipeline sends
    # rows holding terms to the torch engine over the same checkpoint (run/build.py)
    constrains = False

    def __init__(self, model: ResolvedModel, runtime: RuntimeOptions = RuntimeOptions()):
        ctranslate2 = _import()
        from transformers import AutoConfig, AutoTokenizer, GenerationConfig

        self.model_id = model.model_id
        self.revision = model.revision
        self._resolved = model
        device, index = _device(runtime.device, ctranslate2.get_cuda_device_count())
        self.compute_type = compute_type(device, runtime.dtype)
        self.device = device if device == "cpu" else f"cuda:{index}"
        self.dtype = _NAMES.get(self.compute_type, "int8")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model.path)
            config = AutoConfig.from_pretrained(model.path)
            try:
                generation = GenerationConfig.from_pretrained(model.path)
            except OSError:
                generation = GenerationConfig.from_model_config(config)
        except Exception as exc:  # transformers raises OSError, ValueError, KeyError, ...
            raise ModelLoadError(f"{model.path}: cannot load model ({first_line(exc)})") from exc
        self.folder = converted(model)
        threads = runtime.threads or available_cpus()
        try:
            self.translator = ctranslate2.Translator(
                str(self.folder),
                device=device,
                device_index=index,
                compute_type=self.compute_type,
                intra_threads=threads if device == "cpu" else 0,
                inter_threads=1,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelLoadError(
                f"{self.folder}: ctranslate2 cannot load it on {self.device} "
                f"as {self.compute_type} ({first_line(exc)})"
            ) from exc
        self._probe()
        self.max_input_tokens = hf.input_limit(config, self.tokenizer)
        self.defaults = hf.defaults_of(generation, self.max_input_tokens)
        self._eos_ids = hf.eos_ids(generation)
        self._repetition_penalty = generation.repetition_penalty or 1.0
        self._prefix = None
        if generation.forced_bos_token_id is not None:  # BART-cnn: every summary starts <s>
            self._prefix = [self.tokenizer.convert_ids_to_tokens(generation.forced_bos_token_id)]
        self._forced_eos = generation.forced_eos_token_id is not None
        # Banned sequences the converted vocabulary still holds (Marian's pad is dropped there)
        vocabulary = _vocabulary(self.folder)
        banned = [
            self.tokenizer.convert_ids_to_tokens(ids) for ids in generation.bad_words_ids or []
        ]
        self._suppress = [seq for seq in banned if vocabulary.issuperset(seq)] or None
        logger.info(
            "loaded %s from %s on %s (%s, %d threads)",
            model.model_id,
            self.folder,
            self.device,
            self.compute_type,
            threads,
        )

    def _probe(self) -> None:
        # Loading succeeds even where CUDA libraries are missing (libcublas.so.12 is looked up
        # at the first call): one one-step decode now fails the load instead of every article.
        token = self.tokenizer.convert_ids_to_tokens(self.tokenizer.eos_token_id)
        try:
            self.translator.translate_batch([[token]], max_decoding_length=1, beam_size=1)
        except RuntimeError as exc:
            hint = ""
            if "libcublas" in str(exc) or "libcudnn" in str(exc):
                hint = (
                    "; CTranslate2 4 needs the CUDA 12 libraries (pip install nvidia-cublas-cu12)"
                    ", or use --engine torch"
                )
            raise ModelLoadError(
                f"{self.folder}: ctranslate2 cannot run on {self.device} ({first_line(exc)}){hint}"
            ) from exc

    def generate(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        if settings.row_caps is not None and len(set(settings.row_caps)) > 1:
            # One decoding limit per translate_batch call: rows of one cap decode together
            return hf.by_cap(self._generate, batch, settings)
        return self._generate(batch, settings)

    def _generate(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        longest = max(len(row) for row in batch)
        if longest > self.max_input_tokens:  # never let the engine truncate silently
            raise ValueError(f"a row of {longest} tokens is over the {self.max_input_tokens} limit")
        defaults = self.defaults
        cap = settings.max_new_tokens
        # Forced-EOS checkpoints end on EOS at the cap, as generate does: decode one step
        # less and put EOS on a row that used every step.
        steps = cap - 1 if self._forced_eos and cap > 1 else cap
        length_penalty = _given(settings.length_penalty, defaults.length_penalty)
        results = self.translator.translate_batch(
            [self.tokenizer.convert_ids_to_tokens(list(row)) for row in batch],
            target_prefix=[self._prefix] * len(batch) if self._prefix else None,
            beam_size=settings.num_beams or defaults.num_beams,
            length_penalty=length_penalty,
            no_repeat_ngram_size=_given(
                settings.no_repeat_ngram_size, defaults.no_repeat_ngram_size
            ),
            repetition_penalty=_given(settings.repetition_penalty, self._repetition_penalty),
            max_decoding_length=steps,
            min_decoding_length=min(settings.min_new_tokens or 0, steps),
            max_input_length=0,  # checked above; CTranslate2's default would cut at 1,024
            suppress_sequences=self._suppress,
            max_batch_size=0,
            return_scores=True,
        )
        # Hypotheses come without their end token (asking for it measured 20-30% slower on
        # beam-4 summaries): a row shorter than the steps it had ended on EOS; one that used
        # every step ends on the forced EOS, if the checkpoint forces it.
        eos = min(self._eos_ids)
        rows, sums = [], []
        for result in results:
            row = self.tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            ended = len(row) < steps
            rows.append([*row, eos] if ended or steps < cap else row)
            # CTranslate2's score is the summed log-probability over the hypothesis length
            # (its end token included) to the power length_penalty
            sums.append(result.scores[0] * (len(row) + ended) ** length_penalty)
        texts = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
        scores = hf.Scores(sums, forced_bos=self._prefix is not None, forced_eos=self._forced_eos)
        return hf.results_of(rows, texts, self._eos_ids, [cap] * len(rows), scores)

    def token_budget(self, beams: int | None) -> int | None:
        return None  # CTranslate2 sizes its own buffers; the device's default applies

    def score(self, sources: Sequence[str], translations: Sequence[str]) -> list[float]:
        limit = self.max_input_tokens
        tokens = self.tokenizer.convert_ids_to_tokens
        eos = self._eos_ids
        source = [tokens(row[:limit]) for row in self.encode(sources)]
        # CTranslate2 adds the end token itself
        target = [
            tokens([t for t in row if t not in eos][:limit])
            for row in self.encode_targets(translations)
        ]
        results = self.translator.score_batch(source, target, max_input_length=0)
        return [sum(r.log_probs) / max(1, len(r.log_probs)) for r in results]


def load(model: ResolvedModel, runtime: RuntimeOptions) -> CTranslate2Engine:
    """This engine's entry point for :func:`translate.engines.load.load_engine`."""
    return CTranslate2Engine(model, runtime)


def converted_path(model: ResolvedModel) -> Path:
    """Where ``model``'s conversion lives: beside a local folder, else in the models folder
    (the Hugging Face cache is not ours to write into)."""
    if model.source in ("folder", "models-dir"):
        return model.path.parent / f"{model.path.name}-ct2"
    return model.models_dir / f"{local_dir_name(model.model_id)}-ct2"


def converted(model: ResolvedModel) -> Path:
    """The converted folder for ``model``, converting it first unless a complete conversion
    of these very weights is there. A conversion is written to a hidden temporary folder and
    renamed into place, so an interrupted one never looks complete."""
    target = converted_path(model)
    if _complete(target, model.identity):
        return target
    ctranslate2 = _import()
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*"):  # left by an interrupted run
        shutil.rmtree(stale, ignore_errors=True)
    logger.warning("converting %s for ctranslate2 into %s (once)", model.model_id, target)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        _converter(ctranslate2)(str(model.path)).convert(str(work / "model"), force=True)
        record = {"source": model.identity, "ctranslate2": ctranslate2.__version__}
        (work / "model" / MARKER).write_text(json.dumps(record) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(work / "model", target)
    except Exception as exc:
        raise ModelLoadError(
            f"{model.path}: ctranslate2 cannot convert it ({first_line(exc)})"
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _complete(folder: Path, identity: str) -> bool:
    try:
        record = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("source") == identity and (folder / "model.bin").is_file()


def _converter(ctranslate2):
    class Converter(ctranslate2.converters.TransformersConverter):
        """CTranslate2's converter, given the BART keys transformers 5 no longer sets."""

        def load_model(self, model_class, model_name_or_path, **kwargs):
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            # BART is post-norm; CTranslate2 4.8's BART loader reads these and fails without
            for key, value in (("normalize_before", False), ("normalize_embedding", True)):
                if not hasattr(model.config, key):
                    setattr(model.config, key, value)
            return model

    return Converter


def _vocabulary(folder: Path) -> set[str]:
    tokens: set[str] = set()
    for name in ("shared_vocabulary.json", "target_vocabulary.json"):
        if (folder / name).is_file():
            tokens.update(json.loads((folder / name).read_text(encoding="utf-8")))
    return tokens


def _device(name: str, cuda_devices: int) -> tuple[str, int]:
    if name == "auto":
        return ("cuda", 0) if cuda_devices else ("cpu", 0)
    kind, _, index = name.partition(":")
    if kind == "cpu":
        return "cpu", 0
    if kind != "cuda":
        raise UsageError(f"the ctranslate2 engine runs on cpu or cuda, not {name!r}")
    if not cuda_devices:
        raise UsageError(
            f"device {name!r}: ctranslate2 sees no CUDA GPU (no GPU, or its CUDA libraries "
            "are missing); use --device cpu"
        )
    return "cuda", int(index or 0)


def _given(value, default):
    return default if value is None else value
