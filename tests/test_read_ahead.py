"""Reading the next window while this one is decoded (the batch job on a GPU): the same
outputs and outcomes in the same order, the memory looked up as each window starts, the
next window's sentences encoded in the reading thread, at most one window read ahead."""

import json
import threading
import time
from pathlib import Path

import pytest

from tests.fakes import EchoEngine
from translate.memory import TranslationMemory
from translate.run.ahead import read_ahead
from translate.run.core import Pipeline
from translate.run.local import BatchJob, BatchRunner
from translate.stages.translation import Translator
from translate.types import Status


def test_items_come_in_order_at_most_one_window_ahead():
    made: list[int] = []

    def items():
        for i in range(12):
            made.append(i)
            yield ["window", i] if i % 3 == 2 else i

    seen = []
    for item in read_ahead(items(), lambda item: isinstance(item, list)):
        if isinstance(item, list):
            time.sleep(0.05)  # the consumer works on the window; the thread reads on
            # ... to the end of the next window, and no further
            assert len(made) <= item[1] + 4
        seen.append(item)
    assert seen == [i if i % 3 != 2 else ["window", i] for i in range(12)]


def test_an_error_is_raised_where_its_item_would_come():
    def items():
        yield 1
        yield [2]
        raise ValueError("inbox/c.txt: broken")

    got = []
    with pytest.raises(ValueError, match="broken"):
        for item in read_ahead(items(), lambda item: isinstance(item, list)):
            got.append(item)
    assert got == [1, [2]]


def test_a_consumer_that_stops_stops_the_thread():
    made: list[int] = []

    def items():
        for i in range(1000):
            made.append(i)
            yield [i]

    before = threading.active_count()
    stream = read_ahead(items(), lambda item: True)
    assert next(stream) == [0]
    stream.close()
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == before
    assert len(made) <= 3


SHARED = "De gemeenteraad vergaderde dinsdag over het nieuwe plan."


def _inbox(root: Path) -> list[Path]:
    inbox = root / "in"
    inbox.mkdir()
    texts = {
        "a.txt": f"{SHARED} Het plan kost veel geld.\n",
        "b.txt": "",  # nothing to translate: a failed outcome between windows
        "c.txt": f"Bewoners zijn blij met de brug. {SHARED}\n",
        "d.txt": "De haven krijgt een nieuwe kade. De wethouder is tevreden.\n",
    }
    for name, text in texts.items():
        (inbox / name).write_text(text, encoding="utf-8")
    return [Path(name) for name in texts]


def _run(root: Path, sources, ahead: bool):
    engine = EchoEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    memory = TranslationMemory(root / f"memory-{ahead}.sqlite")
    job = BatchJob(root / "in", root / f"out-{ahead}", window_articles=1)
    runner = BatchRunner(pipeline, job, memory, read_ahead=ahead)
    outcomes = list(runner.run(sources))
    memory.close()
    return engine, outcomes, job.outbox


def test_reading_ahead_gives_the_same_run(tmp_path):
    sources = _inbox(tmp_path)
    engine_in_turn, in_turn, out_in_turn = _run(tmp_path, sources, ahead=False)
    engine_ahead, ahead, out_ahead = _run(tmp_path, sources, ahead=True)
    assert [(o.source, o.status, o.reason, o.reused) for o in ahead] == [
        (o.source, o.status, o.reason, o.reused) for o in in_turn
    ]
    assert [o.status for o in ahead] == [Status.DONE, Status.FAILED, Status.DONE, Status.DONE]
    files = sorted(p.relative_to(out_in_turn) for p in out_in_turn.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(out_ahead) for p in out_ahead.rglob("*") if p.is_file())
    for name in files:
        ahead_bytes, in_turn_bytes = ((out / name).read_bytes() for out in (out_ahead, out_in_turn))
        if name.suffix == ".json":  # sidecars: all but when and how long
            ahead_bytes, in_turn_bytes = map(_untimed, (ahead_bytes, in_turn_bytes))
        assert ahead_bytes == in_turn_bytes, name
    # The memory is looked up as each window starts: c.txt's shared sentence came from
    # a.txt's entry, stored before, as when reading in turn
    for engine in (engine_in_turn, engine_ahead):
        sent = [row for batch in engine.batches for row in batch]
        assert sent.count(SHARED) == 1
    # The next windows' sentences were encoded in the reading thread, not again later
    threads = {text: name for name, text in engine_ahead.encoded}
    assert threads["De haven krijgt een nieuwe kade."] == "read-ahead"
    texts = [text for _, text in engine_ahead.encoded]
    assert texts.count("De haven krijgt een nieuwe kade.") == 1
    assert all(name == "MainThread" for name, _ in engine_in_turn.encoded)


def _untimed(sidecar: bytes) -> dict:
    record = json.loads(sidecar)
    del record["finished"], record["timings"]
    return record


def test_the_pipeline_reads_ahead_on_a_gpu_only():
    engine = EchoEngine()
    assert Pipeline(Translator(engine)).reads_ahead is False
    engine.device = "cuda:0"
    assert Pipeline(Translator(engine)).reads_ahead is True
