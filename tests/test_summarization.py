import math

import pytest

from tests.fakes import EchoEngine
from translate.config import ModelSpec, SummaryOptions
from translate.engines import CheckpointDefaults
from translate.engines.load import load_engine
from translate.errors import UsageError
from translate.stages.summarization import Summarizer, trim_unfinished
from translate.text.sentences import split_sentences

TOPICS = ["council", "budget", "bridge", "river", "school", "museum", "train", "farmer"]


def english(words: int) -> str:
    sentences, count, i = [], 0, 0
    while count < words:
        sentence = (
            f"The {TOPICS[i % 8]} report number {i} describes how the city plans "
            f"to spend money on the {TOPICS[(i + 3) % 8]} next year."
        )
        sentences.append(sentence)
        count += len(sentence.split())
        i += 1
    return " ".join(sentences)


class Recording(EchoEngine):
    """Echo engine with BART-like window and checkpoint settings."""

    def __init__(self, window: int = 1024):
        super().__init__(window, CheckpointDefaults(4, 56, 142, 2.0, 3))

    def generate(self, batch, settings):
        self.rows = getattr(self, "rows", []) + [len(r) for r in batch]
        results = super().generate(batch, settings)
        return [
            type(r)(" ".join(r.text.split()[: settings.max_new_tokens]), 0, False) for r in results
        ]


@pytest.mark.parametrize(
    ("raw", "trimmed"),
    [
        ("One. Two is cut", "One."),
        ("One. Two.", "One. Two."),
        ("He said 'yes.' And then", "He said 'yes.'"),
        ("Is it? Yes! And the", "Is it? Yes!"),
        ("no sentence end at all", "no sentence end at all"),
        ('Ends with quote."', 'Ends with quote."'),
        ("", ""),
    ],
)
def test_trim_unfinished(raw, trimmed):
    assert trim_unfinished(raw) == trimmed


def test_short_text_is_its_own_summary():
    engine = Recording()
    text = "The council met on Monday and decided that the old bridge will be rebuilt soon."
    assert len(text.split()) < 20
    summary = Summarizer(engine).summarize(text)
    assert summary.text == text
    assert summary.rounds == 0 and "returned as its own summary" in summary.findings[0].message
    assert engine.batches == []


def test_min_length_never_above_the_input():
    engine = Recording()
    text = english(150)
    summary = Summarizer(engine, options=SummaryOptions(min_tokens=500, max_tokens=600)).summarize(
        text
    )
    assert summary.rounds == 1
    (settings,) = engine.settings
    assert settings.min_new_tokens <= engine.rows[0] // 2
    assert settings.max_new_tokens <= engine.rows[0]


def test_length_presets_scale_checkpoint_bounds():
    short = Summarizer(Recording(), options=SummaryOptions(length="short")).bounds
    long = Summarizer(Recording(), options=SummaryOptions(length="long")).bounds
    assert (short.min_tokens, short.max_tokens) == (28, 71)
    assert (long.min_tokens, long.max_tokens) == (112, 284)
    with pytest.raises(UsageError):
        Summarizer(Recording(), options=SummaryOptions(length="huge"))
    with pytest.raises(UsageError):
        Summarizer(Recording(), options=SummaryOptions(min_tokens=50, max_tokens=10))


@pytest.mark.parametrize("words", [1, 59, 60, 500, 5_000, 20_000])
def test_every_length_summarizes_with_fake(words):
    summary = Summarizer(Recording()).summarize(english(words))
    assert summary.text
    assert len(summary.text.split()) <= 142 or summary.findings


def test_batches_across_texts():
    engine = Recording()
    summaries = Summarizer(engine, options=SummaryOptions(batch_tokens=8192)).summarize_many(
        [english(200), english(300), english(250)]
    )
    assert [s.rounds for s in summaries] == [1, 1, 1]
    assert len(engine.batches) == 1 and len(engine.batches[0]) == 3


@pytest.mark.slow
def test_long_text_chunks_with_real_tokenizer(tiny_bart):
    summarizer = Summarizer(load_engine(ModelSpec(str(tiny_bart))))
    text = english(1800)
    sentences = split_sentences(text)
    tokens = summarizer.count(text)
    assert 4500 <= tokens <= 6500  # ~5,000 tokens
    chunks = [chunk for chunk, _ in summarizer.plan_chunks(sentences)]
    window = summarizer.engine.max_input_tokens
    assert [s for chunk in chunks for s in chunk] == sentences  # each sentence exactly once
    assert all(summarizer.count(" ".join(chunk)) <= window for chunk in chunks)
    assert math.ceil(tokens / window) <= len(chunks) <= math.ceil(tokens / (window - 60))

    summary = summarizer.summarize(text)
    assert summary.chunks == len(chunks)
    assert summary.rounds >= 2
    assert summary.text


@pytest.mark.slow
@pytest.mark.parametrize("words", [8, 120, 20_000])
def test_tiny_bart_any_length(tiny_bart, words):
    summary = Summarizer(load_engine(ModelSpec(str(tiny_bart)))).summarize(english(words))
    assert isinstance(summary.text, str) and summary.text
