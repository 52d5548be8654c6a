"""The CTranslate2 engine: conversion, agreement with torch, no truncation, the batch job."""

import json
import shutil
import sys

import pytest
from typer.testing import CliRunner

from tests.helpers import SENTENCES, SHORT, batch_args, count_skipped
from translate.cli import app
from translate.config import ModelSpec, RuntimeOptions, SummaryOptions
from translate.engines import GenerationSettings
from translate.engines.load import load_engine
from translate.errors import ModelLoadError, UsageError
from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator
from translate.text.document import parse

ctranslate2 = pytest.importorskip("ctranslate2")
pytestmark = pytest.mark.slow
CT2 = RuntimeOptions("cpu", engine="ctranslate2")
runner = CliRunner()


@pytest.fixture()
def models(tiny_marian, tiny_bart, tmp_path):
    """Copies of the tiny models, so each test converts (or not) on its own."""
    marian, bart = tmp_path / "marian", tmp_path / "bart"
    shutil.copytree(tiny_marian, marian)
    shutil.copytree(tiny_bart, bart)
    return marian, bart


def test_converts_both_models_once_and_reuses(models, monkeypatch):
    from translate.engines import ctranslate2 as engine_module

    for folder in models:
        engine = load_engine(ModelSpec(str(folder)), CT2)
        assert engine.folder == folder.parent / f"{folder.name}-ct2"
        assert (engine.folder / "model.bin").is_file()
        marker = json.loads((engine.folder / "translate-ct2.json").read_text(encoding="utf-8"))
        assert marker["source"] == engine.identity
    monkeypatch.setattr(engine_module, "_converter", lambda _: pytest.fail("converted again"))
    for folder in models:
        load_engine(ModelSpec(str(folder)), CT2)
    listing = runner.invoke(app, ["models", "list", "--dir", str(models[0].parent)])
    assert "marian-ct2" in listing.stdout and "ctranslate2" in listing.stdout


def test_an_interrupted_conversion_is_redone(models, monkeypatch):
    from translate.engines import ctranslate2 as engine_module

    real = engine_module._converter

    def dying(module):
        class Dying(real(module)):
            def convert(self, output_dir, **kwargs):
                super().convert(output_dir, **kwargs)  # the weights are written, then:
                raise KeyboardInterrupt

        return Dying

    monkeypatch.setattr(engine_module, "_converter", dying)
    marian = models[0]
    with pytest.raises(KeyboardInterrupt):
        load_engine(ModelSpec(str(marian)), CT2)
    target = marian.parent / "marian-ct2"
    assert not target.exists()
    monkeypatch.setattr(engine_module, "_converter", real)
    engine = load_engine(ModelSpec(str(marian)), CT2)
    assert (engine.folder / "translate-ct2.json").is_file()
    assert not list(marian.parent.glob(".marian-ct2.*"))  # no temporary folder left


@pytest.mark.parametrize("which", ["marian", "bart"])
def test_agrees_with_torch(models, which):
    """Greedy: the same tokens. Beam 4: the same tokens, or (float rounding can reorder near
    ties) a hypothesis CTranslate2 itself scores within 1e-3 per token of torch's."""
    folder = models[0] if which == "marian" else models[1]
    torch_engine = load_engine(ModelSpec(str(folder)), RuntimeOptions("cpu"))
    ct2 = load_engine(ModelSpec(str(folder)), CT2)
    texts = SENTENCES if which == "marian" else [" ".join(SENTENCES[i:]) for i in range(4)]
    rows = torch_engine.encode(texts)
    assert rows == ct2.encode(texts)
    greedy = GenerationSettings(24, num_beams=1)
    assert [r.token_ids for r in ct2.generate(rows, greedy)] == [
        r.token_ids for r in torch_engine.generate(rows, greedy)
    ]
    beam = GenerationSettings(24, num_beams=4)
    ours = [r.token_ids for r in ct2.generate(rows, beam)]
    theirs = [r.token_ids for r in torch_engine.generate(rows, beam)]
    for row, a, b in zip(rows, ours, theirs, strict=True):
        if a != b:
            scores = ct2.translator.score_batch(
                [ct2.tokenizer.convert_ids_to_tokens(row)] * 2,
                [ct2.tokenizer.convert_ids_to_tokens(list(t)) for t in (a, b)],
            )
            assert scores[0].log_probs and abs(
                sum(scores[0].log_probs) - sum(scores[1].log_probs)
            ) <= 1e-3 * max(len(a), len(b))


def test_long_inputs_are_never_truncated(models):
    marian, bart = models
    translator = Translator(load_engine(ModelSpec(str(marian)), CT2))
    sentence = "de raad besprak het plan voor de nieuwe brug over de rivier " * 200
    document = parse(sentence.strip() + ".\n")
    assert len(translator.engine.encode(document.sentences)[0]) > 2000
    result = translator.translate(document)
    assert result.segments + result.duplicates >= 5  # identical pieces are decoded once
    assert "pieces" in result.findings[0].message
    summarizer = Summarizer(
        load_engine(ModelSpec(str(bart)), CT2), SummaryOptions(min_tokens=4, max_tokens=24)
    )
    text = "The council met on Tuesday to discuss the new bridge over the river. " * 41
    assert 1400 <= summarizer.count(text) <= 1700
    summary = summarizer.summarize(text)
    assert summary.chunks == 2 and summary.text
    with pytest.raises(ValueError, match="over the 512 limit"):
        translator.engine.generate([[5] * 600], GenerationSettings(8))


def test_batch_job_with_ctranslate2_then_torch(models, tmp_path):
    marian, bart = models
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    (inbox / "regio").mkdir(parents=True)
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    (inbox / "regio" / "b.md").write_text("# Kop\n\nDe raad vergaderde.\n", encoding="utf-8")
    args = batch_args(marian, bart, inbox, outbox, "--engine", "ctranslate2", "--device", "cpu")
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert sidecar["engine"] == sidecar["settings"]["translation"]["engine"] == "ctranslate2"
    assert (outbox / "a.txt.en.txt").read_text(encoding="utf-8").strip()
    assert (outbox / "regio" / "b.md.summary.txt").is_file()
    again = runner.invoke(app, args)
    assert count_skipped(again.stderr) == 2
    switched = runner.invoke(app, batch_args(marian, bart, inbox, outbox))
    assert switched.exit_code == 0 and count_skipped(switched.stderr) == 0
    assert json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))["engine"] == "torch"


def test_missing_extra_is_one_line_exit_2(tiny_marian, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # what an absent package looks like
    article = tmp_path / "a.txt"
    article.write_text(SHORT, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "file",
            str(article),
            "--model",
            str(tiny_marian),
            "--no-summary",
            "--engine",
            "ctranslate2",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: the ctranslate2 engine is not installed: pip install -e '.[fast]' "
        "(or pip install ctranslate2)"
    ]


def test_cuda_without_cuda_is_a_usage_error(tiny_marian):
    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a GPU")
    with pytest.raises(UsageError, match="ctranslate2 sees no CUDA GPU"):
        load_engine(ModelSpec(str(tiny_marian)), RuntimeOptions("cuda", engine="ctranslate2"))
    with pytest.raises(UsageError, match="cpu or cuda"):
        load_engine(ModelSpec(str(tiny_marian)), RuntimeOptions("mps", engine="ctranslate2"))


def test_a_folder_that_is_not_a_model_fails_cleanly(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelLoadError):
        load_engine(ModelSpec(str(tmp_path / "broken")), CT2)


def test_missing_cuda_libraries_fail_the_load_not_every_article(models, monkeypatch, tmp_path):
    """On a GPU machine without libcublas.so.12 the model loads, and the first call fails:
    the engine probes at load, so the batch job stops with one line instead of failing every
    article (seen on an H200 whose torch ships CUDA 13)."""

    class NoCublas(ctranslate2.Translator):
        def translate_batch(self, *args, **kwargs):
            raise RuntimeError("Library libcublas.so.12 is not found or cannot be loaded")

    monkeypatch.setattr(ctranslate2, "Translator", NoCublas)
    marian, _ = models
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    result = runner.invoke(
        app,
        ["batch", str(inbox), str(tmp_path / "out"), "--model", str(marian), "--no-summary"]
        + ["--engine", "ctranslate2", "--device", "cpu"],
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "libcublas.so.12" in lines[0] and "--engine torch" in lines[0]
    assert not list((tmp_path / "out").glob("*.error.txt"))
