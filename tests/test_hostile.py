"""Hostile inputs, round 3: nothing lost, nothing deleted that is not ours, no traceback, no
hang. One test (or more) per case of the issue, each failing on the code before it."""

import errno
import io
import json
import os
import re
import signal
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest
from typer.testing import CliRunner

from tests.fakes import EchoEngine
from tests.helpers import SHORT, batch_args, count_skipped, numbered_article
from translate.cli import app
from translate.formats import read_source
from translate.outputs.outbox import LOCK_NAME, orphans, remove_stale_temp_files, scan
from translate.run.core import DONE, FAILED, Article, Pipeline, RunSettings
from translate.run.files import ArticleFiles, BatchJob
from translate.stages.translation import Translator
from translate.text.decode import decode
from translate.types import Status

runner = CliRunner()
LATIN1 = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name, as an old Windows share writes it


def _echo() -> Pipeline:
    return Pipeline(Translator(EchoEngine()), language_check="nl")


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


# 1. A file name that is not valid UTF-8


@pytest.mark.slow
def test_a_name_that_is_not_utf8_is_translated_like_any_other(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox, report = tmp_path / "in", tmp_path / "out", tmp_path / "run.json"
    inbox.mkdir()
    (inbox / LATIN1).write_text(numbered_article(1), encoding="utf-8")
    (inbox / "b.txt").write_text(numbered_article(2), encoding="utf-8")
    result = runner.invoke(
        app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--json", str(report), "--review")
    )
    assert result.exit_code == 0, result.output
    names = set(os.listdir(os.fsencode(outbox)))
    for suffix in (b".en.txt", b".summary.txt", b".json", b".review.html"):
        assert b"caf\xe9.txt" + suffix in names and b"b.txt" + suffix in names
    sidecar = json.loads((outbox / (LATIN1 + ".json")).read_bytes().decode("utf-8"))
    assert sidecar["source"]["path"] == "caf\\xe9.txt"  # each byte that is not UTF-8 as \xNN
    data = json.loads(report.read_bytes().decode("utf-8"))
    assert {a["source"] for a in data["articles"]} == {"caf\\xe9.txt", "b.txt"}
    assert "caf\\xe9.txt" in result.stderr
    (outbox / "index.html").read_bytes().decode("utf-8")  # valid UTF-8


# 2. Upper-case extensions


def test_upper_case_suffixes_are_found_and_kept_apart(tmp_path):
    for name in ("BERICHT.TXT", "Rapport.DOCX", "pagina.HTM", "a.txt", "a.TXT", "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    from translate.formats import default_patterns

    found = scan(tmp_path, default_patterns()).sources
    assert [p.name for p in found] == [
        "BERICHT.TXT",
        "Rapport.DOCX",
        "a.TXT",
        "a.txt",
        "pagina.HTM",
    ]
    assert [p.name for p in scan(tmp_path, ["*.TXT"]).sources] == ["BERICHT.TXT", "a.TXT", "a.txt"]
    from translate.outputs.outbox import Outputs

    upper, lower = (Outputs.for_source(tmp_path, Path(n)) for n in ("a.TXT", "a.txt"))
    assert upper.translation.name == "a.TXT.en.TXT" and lower.translation.name == "a.txt.en.txt"
    assert (
        Outputs.for_source(tmp_path, Path("Rapport.DOCX")).translation.name
        == "Rapport.DOCX.en.DOCX"
    )


# 3. HTML nested deeper than 255 levels


def test_deeply_nested_html_is_read_whole_or_fails_with_one_line():
    tail = "<p>Een alinea.</p><p>Nog een alinea.</p><p>De derde alinea.</p>"
    deep = "<html><body>" + "<div>" * 300 + "<p>Diep in de pagina.</p>" + "</div>" * 300 + tail
    (result,) = _echo().process([Article("diep.html", deep, "html")])
    assert result.status == DONE and result.record.counts.paragraphs == 4
    deeper = "<html><body>" + "<div>" * 5000 + "<p>Te diep.</p>" + "</div>" * 5000 + tail
    (result,) = _echo().process([Article("dieper.html", deeper, "html")])
    assert result.status == FAILED
    assert result.reason.startswith("dieper.html: HTML nested deeper than 2,048 levels")


# 4. Markdown link targets


def test_markdown_link_targets_never_reach_the_model():
    text = (
        "Lees over [bruggen](https://nl.wikipedia.org/wiki/Brug_(bouwwerk)) en de "
        '[site](https://example.org/b "titel") of [dit](<https://example.org/met spatie>). '
        "Zie ook [de bron][1] en ![een foto](foto.jpg).\n\n"
        '[1]: https://example.org/ref "Referentie"\n'
    )
    pipeline = _echo()
    (result,) = pipeline.process([Article("a.md", text, "markdown")])
    assert result.translation == text  # the echo engine returns its input: nothing lost
    sent = " ".join(row for batch in pipeline.translator.engine.batches for row in batch)
    for hidden in ("https://", "titel", "foto.jpg", "[1]", "Referentie"):
        assert hidden not in sent


# 5 and 14. --json can overwrite anything


@pytest.mark.slow
def test_json_report_paths_that_would_overwrite_are_refused(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    (inbox / "b.txt").write_text(numbered_article(1), encoding="utf-8")
    assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox)).exit_code == 0
    translation = (outbox / "b.txt.en.txt").read_bytes()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    cases = {
        inbox / "a.txt": "inside the inbox",
        outbox / "b.txt.en.txt": "an article's output",
        outbox / "b.txt.json": "an article's output",
        tmp_path: "is a folder",
        tmp_path / "file" / "run.json": "is a file, not a folder",
    }
    for path, reason in cases.items():
        result = runner.invoke(
            app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--json", str(path))
        )
        assert result.exit_code == 2, (path, result.output)
        assert reason in _one_line(result.stderr)
    assert (inbox / "a.txt").read_text(encoding="utf-8") == SHORT
    assert (outbox / "b.txt.en.txt").read_bytes() == translation
    # A report of an earlier run in the outbox may be replaced
    report = outbox / "run.json"
    for _ in range(2):
        again = runner.invoke(
            app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--json", str(report))
        )
        assert again.exit_code == 0, again.output


# 6. The start-up clean-up


def test_clean_up_deletes_only_the_jobs_own_temporary_files(tmp_path):
    outbox = tmp_path / "out"
    (outbox / "keep").mkdir(parents=True)
    (outbox / "keep" / ".draft.tmp").write_text("a user's draft", encoding="utf-8")
    (outbox / "keep" / ".translate-x1y2.tmp").write_text("ours", encoding="utf-8")
    nested = outbox / "other-run"
    nested.mkdir()
    (nested / LOCK_NAME).write_text("", encoding="utf-8")  # another run's outbox, maybe live
    (nested / ".translate-live.tmp").write_text("theirs", encoding="utf-8")
    assert remove_stale_temp_files(outbox) == 1
    assert (outbox / "keep" / ".draft.tmp").exists()
    assert not (outbox / "keep" / ".translate-x1y2.tmp").exists()
    assert (nested / ".translate-live.tmp").exists()


# 7 and 16. translate file outputs


@pytest.mark.slow
def test_file_refuses_one_file_for_both_outputs_and_writes_dash_to_stdout(
    tiny_marian, tmp_path, monkeypatch
):
    source = tmp_path / "a.txt"
    source.write_text(SHORT, encoding="utf-8")
    same = tmp_path / "x.txt"
    result = runner.invoke(app, ["file", str(source), "-o", str(same), "--summary-out", str(same)])
    assert result.exit_code == 2 and "name the same file" in _one_line(result.stderr)
    assert not same.exists()
    monkeypatch.chdir(tmp_path)
    printed = runner.invoke(
        app,
        [
            "file",
            str(source),
            "-o",
            "-",
            "--no-summary",
            "--model",
            str(tiny_marian),
            "--beams",
            "1",
        ],
    )
    assert printed.exit_code == 0, printed.output
    assert not (tmp_path / "-").exists() and printed.stdout.strip()


# 8. Freshness per output


@pytest.mark.slow
def test_review_pages_and_summaries_come_later_without_retranslating(
    tiny_marian, tiny_bart, tmp_path, monkeypatch
):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    (inbox / "b.md").write_text("# Kop\n\n" + numbered_article(3), encoding="utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox)
    assert runner.invoke(app, [*args, "--no-summary"]).exit_code == 0
    translations = {p.name: p.read_bytes() for p in outbox.glob("*.en.*")}
    assert not list(outbox.glob("*.summary.txt"))

    def no_model(*args, **kwargs):
        raise AssertionError("the translation model was asked again")

    monkeypatch.setattr(Translator, "translate_many", no_model)
    # Summaries asked for later: the existing translations are summarized
    later = runner.invoke(app, args)
    assert later.exit_code == 0, later.output
    assert {p.name: p.read_bytes() for p in outbox.glob("*.en.*")} == translations
    summaries = {p.name: p.read_bytes() for p in outbox.glob("*.summary.txt")}
    assert len(summaries) == 2
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert sidecar["reused"] == ["translation"] and sidecar["settings"]["summary"] is not None
    # Review pages asked for: written from what is there, nothing made anew
    reviewed = runner.invoke(app, [*args, "--review"])
    assert reviewed.exit_code == 0, reviewed.output
    assert len(list(outbox.glob("*.review.html"))) == 2
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert sidecar["reused"] == ["translation", "summary"]
    assert {p.name: p.read_bytes() for p in outbox.glob("*.summary.txt")} == summaries
    # --no-summary keeps the summaries and retranslates nothing
    kept = runner.invoke(app, [*args, "--no-summary", "--review"])
    assert kept.exit_code == 0 and count_skipped(kept.stderr) == 2
    assert {p.name: p.read_bytes() for p in outbox.glob("*.summary.txt")} == summaries
    # A changed source is translated anew (the model is asked, and here it fails)
    (inbox / "a.txt").write_text(numbered_article(9), encoding="utf-8")
    changed = runner.invoke(app, args)
    assert changed.exit_code == 1 and "the translation model was asked again" in changed.stderr


# 9. index.html links


@pytest.mark.slow
def test_index_links_are_percent_encoded_relative_urls(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    folder = inbox / "javascript:alert(document.domain)"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(numbered_article(1), encoding="utf-8")
    for name in ("kop#1.txt", "vraag?.txt", "100%.txt"):
        (inbox / name).write_text(numbered_article(2), encoding="utf-8")
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--review"))
    assert result.exit_code == 0, result.output
    page = lxml.html.fromstring((outbox / "index.html").read_text(encoding="utf-8"))
    links = [a.get("href") for a in page.iter("a")]
    assert len(links) == 4 * 4
    base = outbox.as_uri() + "/"
    for href in links:
        assert not urlsplit(href).scheme and "#" not in href and "?" not in href
        resolved = urlsplit(urljoin(base, href))
        assert resolved.scheme == "file" and Path(unquote(resolved.path)).is_file(), href


# 10. A declared charset whose codec raises something else than LookupError


@pytest.mark.parametrize("charset", ["punycode", "idna", "rot13", "base64", "utf-7"])
def test_odd_declared_charsets_are_ignored_or_used(tmp_path, charset):
    page = (
        f'<html><head><meta charset="{charset}"></head><body><p>De brug is open.</p></body></html>'
    )
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("ascii"))
    source = read_source(path, "a.html")
    (result,) = _echo().process([Article("a.html", source.text, "html")])
    assert result.status == DONE and "De brug is open." in result.translation


# 11. A .docx python-docx cannot read


def _dangling_header_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("De brug is open.")
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "Kop"
    good = io.BytesIO()
    document.save(good)
    source, out = zipfile.ZipFile(io.BytesIO(good.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb'(headerReference[^>]*r:id=")[^"]+"', rb'\1rId999"', data)
            target.writestr(item, data)
    return out.getvalue()


def test_a_docx_with_a_dangling_header_reference_fails_alone():
    articles = [
        Article("kapot.docx", "", "docx", data=_dangling_header_docx()),
        Article("a.txt", SHORT),
    ]
    results = _echo().process(articles)
    assert [r.status for r in results] == [FAILED, DONE]
    assert results[0].reason.startswith("kapot.docx: not a readable Word .docx")
    assert "KeyError" in results[0].reason and "\n" not in results[0].reason


# 12. A Ray address nothing answers at


@pytest.mark.slow
@pytest.mark.parametrize("address", ["garbage:1234", "127.0.0.1:1"])
def test_an_unreachable_ray_address_fails_fast_with_one_line(
    tiny_marian, tiny_bart, tmp_path, address
):
    pytest.importorskip("ray")
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(
        app, [*batch_args(tiny_marian, tiny_bart, inbox, tmp_path / "out"), "--ray", address]
    )
    assert time.monotonic() - started < 15
    assert result.exit_code == 2
    assert f"cannot join the Ray cluster at {address}" in _one_line(result.stderr)


# 13. A full disk with the report on it, and at the index page


def _full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.slow
def test_a_full_disk_with_the_report_on_it_is_one_line(
    tiny_marian, tiny_bart, tmp_path, monkeypatch
):
    from translate.outputs import outbox as outbox_module
    from translate.outputs import report as report_module

    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    monkeypatch.setattr(outbox_module.Outputs, "write", _full)
    monkeypatch.setattr(report_module, "atomic_write_json", _full)
    result = runner.invoke(
        app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--json", str(tmp_path / "r.json"))
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("error: ") and "cannot write outputs" in lines[-1]
    assert any("the run report could not be written" in line for line in lines)


@pytest.mark.slow
def test_a_disk_that_fills_at_the_index_page_is_one_line(
    tiny_marian, tiny_bart, tmp_path, monkeypatch
):
    import translate.outputs.files as files

    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    real = files.atomic_write_text

    def full_at_index(path, text):
        if path.name == "index.html":
            _full()
        real(path, text)

    monkeypatch.setattr(files, "atomic_write_text", full_at_index)
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--review"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert (
        "index.html: cannot write (No space left on device)"
        in result.stderr.strip().splitlines()[-1]
    )
    assert (outbox / "a.txt.en.txt").is_file()  # the finished article stays written


# 15. Option values that gave tracebacks


@pytest.mark.parametrize(
    "extra,message",
    [
        (["--max-mb", "inf"], "--max-mb inf: give a size"),
        (["--glob", "/etc/passwd"], "patterns are relative to the inbox"),
        (["--glob", "../*.txt"], "cannot leave the inbox"),
    ],
)
def test_bad_option_values_are_one_line(tmp_path, extra, message):
    inbox = tmp_path / "in"
    inbox.mkdir()
    result = runner.invoke(app, ["batch", str(inbox), str(tmp_path / "out"), *extra])
    assert result.exit_code == 2 and message in _one_line(result.stderr)


# 17. SIGTERM while the models load


@pytest.mark.slow
def test_sigterm_while_loading_writes_the_report_and_leaves_no_pid(tmp_path, monkeypatch):
    import translate.cli.batch as batch

    inbox, outbox, report = tmp_path / "in", tmp_path / "out", tmp_path / "r.json"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")

    def terminated_while_loading(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises first
        raise AssertionError("SIGTERM was not handled")

    monkeypatch.setattr(batch, "load_pipeline", terminated_while_loading)
    result = runner.invoke(app, ["batch", str(inbox), str(outbox), "--json", str(report)])
    assert result.exit_code == 143, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["stopped"] == "interrupted"
    assert not (outbox / ".translate.pid").exists()


# 18. A source replaced by a symlink out of the inbox after the scan


def test_a_source_that_became_a_link_out_of_the_inbox_is_not_read(tmp_path):
    inbox, outside = tmp_path / "in", tmp_path / "geheim.txt"
    inbox.mkdir()
    outside.write_text("Geheime tekst die niet vertaald mag worden.\n", encoding="utf-8")
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    (rel,) = scan(inbox, ["*.txt"]).sources
    (inbox / "a.txt").unlink()
    (inbox / "a.txt").symlink_to(outside)
    files = ArticleFiles(
        BatchJob(inbox, tmp_path / "out"), RunSettings({"translation": {}, "summary": None}, {})
    )
    outcome = files.prepare(rel)
    assert outcome.status == Status.SKIPPED and "outside the inbox" in outcome.reason
    followed = ArticleFiles(BatchJob(inbox, tmp_path / "out", follow_symlinks=True), files.run)
    assert isinstance(followed.prepare(rel), Article)


# 19. UTF-16 without a byte-order mark


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(codec):
    text = "De brug is weer open.\nHet plan is klaar, zei de wethouder.\n"
    decoded = decode(text.encode(codec), "a.txt")
    assert decoded.text == text and decoded.encoding == codec


# 20. models list, --models-dir, sizes


def test_models_list_marks_a_broken_snapshot_and_takes_models_dir(tmp_path):
    broken = tmp_path / "Helsinki-NLP--opus-mt-nl-en"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    empty = tmp_path / "org--empty"
    empty.mkdir()
    (empty / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    for option in ("--models-dir", "--dir"):
        listed = runner.invoke(app, ["models", "list", option, str(tmp_path), "--json"])
        assert listed.exit_code == 0, listed.output
        rows = {row["model"]: row for row in json.loads(listed.stdout)}
        assert rows["Helsinki-NLP/opus-mt-nl-en"]["broken"].startswith("config.json unreadable")
        assert rows["org/empty"]["broken"].startswith("no weights")


def test_a_size_over_the_limit_shows_the_difference(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes(b"x" * 1001)
    files = ArticleFiles(BatchJob(inbox, tmp_path / "out", max_bytes=1000), RunSettings({}, {}))
    outcome = files.prepare(Path("a.txt"))
    assert outcome.status == Status.FAILED
    assert (
        outcome.reason == "a.txt: 0.001001 MB is over the 0.001 MB limit for one article (--max-mb)"
    )


# 21. An outbox inside the outbox


def test_another_runs_outbox_inside_is_not_reported_as_orphans(tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text("x", encoding="utf-8")
    nested = outbox / "archief"
    nested.mkdir(parents=True)
    (nested / LOCK_NAME).write_text("", encoding="utf-8")
    (nested / "oud.txt.en.txt").write_text("old", encoding="utf-8")
    (outbox / "weg.txt.en.txt").write_text("ours, source gone", encoding="utf-8")
    assert orphans(inbox, outbox) == [Path("weg.txt.en.txt")]


# Beyond the list: a name holding a newline or a terminal escape stays one line


@pytest.mark.slow
def test_names_with_control_characters_stay_one_line(tiny_marian, tiny_bart, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "twee\nregels.txt").write_text(numbered_article(1), encoding="utf-8")
    (inbox / "\x1b[31mrood.txt").write_bytes(b"")
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, tmp_path / "out"))
    assert result.exit_code == 1
    assert "done    twee\\nregels.txt (" in result.stderr
    assert "failed  \\x1b[31mrood.txt: file is empty" in result.stderr
    assert "\x1b" not in result.stderr
