"""Random-weight models with real tokenizers, built locally.

Used by the tests, ``make demo`` and ``translate bench``: hub weights cannot be
downloaded everywhere, but the product's loading and generation code must still run for
real. The tokenizers are trained here (sentencepiece for Marian, byte-level BPE for BART);
the weights are random, so the output text is nonsense of realistic shape.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from translate.testing.samples import DUTCH_SAMPLE, ENGLISH_SAMPLE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Shape:
    """Transformer dimensions; the defaults make a model that loads and runs in milliseconds.

    ``vocab_size`` is what the tokenizer is trained to; ``padded_vocab`` (when larger) pads
    the vocabulary with unreachable entries so the embedding and output layers have a real
    checkpoint's size. ``decoder_layers`` defaults to ``layers``.
    """

    d_model: int = 32
    layers: int = 1
    heads: int = 2
    ffn: int = 64
    vocab_size: int = 400
    padded_vocab: int = 0
    decoder_layers: int | None = None


# Shapes of the default checkpoints (from their config.json), for benchmarks.
OPUS_MT_NL_EN = Shape(d_model=512, layers=6, heads=8, ffn=2048, padded_vocab=67028)
DISTILBART_CNN_12_6 = Shape(
    d_model=1024, layers=12, decoder_layers=6, heads=16, ffn=4096, padded_vocab=50264
)


def build_marian(folder: Path, shape: Shape = Shape(), seed: int = 0) -> Path:
    """Writes an opus-mt-style MarianMT (sentencepiece source/target, vocab.json) to ``folder``."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    model_proto = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([s for s in DUTCH_SAMPLE + ENGLISH_SAMPLE if s] * 20),
        model_writer=model_proto,
        vocab_size=shape.vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=model_proto.getvalue())
    for name in ("source.spm", "target.spm"):
        (folder / name).write_bytes(model_proto.getvalue())
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    _pad_vocab(vocab, shape.padded_vocab - 1, "▁x")
    vocab["<pad>"] = len(vocab)  # opus-mt puts the pad token last
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(
        str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json")
    )
    tokenizer.save_pretrained(folder)

    torch.manual_seed(seed)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        **_dimensions(shape),
        max_position_embeddings=512,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
    )
    model = MarianMTModel(config)
    generation = model.generation_config
    generation.num_beams = 4
    generation.max_length = 512
    generation.bad_words_ids = [[pad]]
    model.save_pretrained(folder)
    _unversioned(folder)
    return folder


def build_bart(
    folder: Path, shape: Shape = Shape(), seed: int = 0, max_positions: int = 1024
) -> Path:
    """Writes a distilbart-cnn-style BART (byte-level BPE) with the checkpoint's generation
    settings (beam 4, length penalty 2, no-repeat 3-grams, 56-142 tokens)."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        [s for s in ENGLISH_SAMPLE if s] * 20,
        vocab_size=shape.vocab_size,
        min_frequency=1,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        show_progress=False,
    )
    bpe.save_model(str(folder))
    if shape.padded_vocab:
        bpe_vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        _pad_vocab(bpe_vocab, shape.padded_vocab, "Ġx")
        (folder / "vocab.json").write_text(json.dumps(bpe_vocab), encoding="utf-8")
    tokenizer = BartTokenizer(
        vocab=str(folder / "vocab.json"),
        merges=str(folder / "merges.txt"),
        model_max_length=max_positions,
    )
    tokenizer.save_pretrained(folder)

    torch.manual_seed(seed)
    config = BartConfig(
        vocab_size=len(tokenizer),
        **_dimensions(shape),
        max_position_embeddings=max_positions,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_bos_token_id=tokenizer.bos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
    )
    model = BartForConditionalGeneration(config)
    generation = model.generation_config
    generation.num_beams = 4
    generation.length_penalty = 2.0
    generation.no_repeat_ngram_size = 3
    generation.min_length = 56
    generation.max_length = 142
    generation.early_stopping = True
    # distilbart-cnn's generation config forces BOS first (transformers 5 no longer carries
    # forced_bos_token_id over from the model config)
    generation.forced_bos_token_id = tokenizer.bos_token_id
    model.save_pretrained(folder)
    _unversioned(folder)
    return folder


def _unversioned(folder: Path) -> None:
    """Drops the transformers version ``save_pretrained`` writes into the configs, so the
    same model has the same files (and the same hash in the sidecars) whichever release of
    transformers built it."""
    for name in ("config.json", "generation_config.json"):
        path = folder / name
        config = json.loads(path.read_text(encoding="utf-8"))
        if config.pop("transformers_version", None) is not None:
            path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _pad_vocab(vocab: dict[str, int], size: int, prefix: str) -> None:
    for i in range(size - len(vocab)):
        vocab[f"{prefix}{i}"] = len(vocab)


def _dimensions(shape: Shape) -> dict[str, int]:
    return {
        "d_model": shape.d_model,
        "encoder_layers": shape.layers,
        "decoder_layers": shape.decoder_layers or shape.layers,
        "encoder_attention_heads": shape.heads,
        "decoder_attention_heads": shape.heads,
        "encoder_ffn_dim": shape.ffn,
        "decoder_ffn_dim": shape.ffn,
    }


if __name__ == "__main__":
    import sys

    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".demo-models")
    print(build_marian(root / "marian"))
    print(build_bart(root / "bart"))
