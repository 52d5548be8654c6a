"""The batch job's files, for any runner: a source read from the inbox (or skipped as
current, or failed with one line), and an article's outputs written to the outbox."""

from __future__ import annotations

import errno
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from translate import formats
from translate.errors import DocumentError, OutboxError
from translate.findings import STRICT_KINDS, Finding, count_kinds, describe_counts
from translate.glossary import terms_in
from translate.memory import Entry, MemoryUnavailable, memory_key
from translate.outputs.outbox import Freshness, Outputs, outside_reason
from translate.outputs.records import SourceInfo
from translate.outputs.review import review_page
from translate.run.articles import (
    Article,
    Parsed,
    Result,
    Reuse,
    RunSettings,
    reading_findings,
)
from translate.stages.summarization import Summary
from translate.stages.translation import KINDS as TRANSLATION_KINDS
from translate.text.addresses import addresses
from translate.types import Outcome, Status

logger = logging.getLogger(__name__)

# Write errors that no later article can escape: the run stops instead of failing them all
_OUTBOX_FULL = {errno.ENOSPC, errno.EROFS, errno.EACCES, getattr(errno, "EDQUOT", errno.ENOSPC)}


@dataclass(frozen=True)
class BatchJob:
    """What a batch run reads and writes.

    Args:
        inbox: folder scanned recursively for sources.
        outbox: folder that mirrors the inbox's relative paths.
        force: redo articles whose outputs are current.
        window_articles: most articles translated and summarized together; smaller windows
            write outputs sooner, larger ones batch better.
        max_bytes: larger source files are refused (a dump of many articles, not one).
        review: also write each article's bilingual review page.
        follow_symlinks: read file symlinks that lead outside the inbox.
        strict: an article with a finding of a kind in ``STRICT_KINDS`` (a number, a name,
            a length, an untranslated sentence, an unfaithful summary) counts as failed; its
            outputs are still written, and its error file names the findings.
    """

    inbox: Path
    outbox: Path
    force: bool = False
    window_articles: int = 256
    max_bytes: int = 2_000_000
    review: bool = False
    follow_symlinks: bool = False
    strict: bool = False


class ArticleFiles:
    """Reads sources and writes outputs for one batch job.

    Args:
        job: folders and flags.
        run: the run's settings, which decide whether earlier outputs are current.
        memory: the translation memory, if one is used: looked up before an article is
            handed on (its known sentences go with it), added to as each is written.
    """

    def __init__(self, job: BatchJob, run: RunSettings, memory=None):
        self.job = job
        self.run = run
        self.memory = memory
        self._settings = run.settings.get("translation") or {}
        self._root = job.inbox.resolve()

    def prepare(self, rel: Path, recall: bool = True) -> Article | Outcome:
        """The article at ``rel`` (relative to the inbox), or its outcome when it is current
        (skipped) or cannot be read (failed, with its error file written). ``recall``: look
        up the sentences the memory knows now (else :meth:`recall` does, once parsed)."""
        outputs = Outputs.for_source(self.job.outbox, rel)
        fmt = formats.format_for(rel.name)
        path = self.job.inbox / rel
        # Checked again at reading time: the file may have become a link since the scan
        target = path.resolve()
        if not self.job.follow_symlinks and not target.is_relative_to(self._root):
            return Outcome(rel, Status.SKIPPED, reason=outside_reason(target))
        try:
            size = _size(path, rel)
            if size > self.job.max_bytes:
                limit = self.job.max_bytes
                raise DocumentError(
                    f"{rel}: {_size_text(size, limit)} is over the {_size_text(limit, size)} "
                    "limit for one article (--max-mb)"
                )
            source = formats.read_source(path, str(rel), fmt)
        except DocumentError as exc:
            return self.fail(rel, str(exc))
        reuse = None
        if not self.job.force:
            fresh = outputs.freshness(
                source.sha256, self.run.settings, self.run.summarizes, self.job.review
            )
            if fresh.complete:
                refused = self._strict(rel, _findings_of(fresh.sidecar))
                if refused is None:  # a --strict failure of an earlier run no longer holds
                    outputs.error.unlink(missing_ok=True)
                return refused or Outcome(rel, Status.SKIPPED)
            reuse = _reuse(fresh, outputs, self.run.summarizes)
        info = SourceInfo(str(rel), source.size, source.sha256, source.encoding)
        findings = reading_findings(source.dropped)
        known = self._remembered(fmt, source, str(rel)) if reuse is None and recall else None
        return Article(
            str(rel),
            source.text,
            fmt.name,
            info,
            findings,
            source.data,
            reuse,
            known,
            source.newline,
        )

    def recall(self, parsed: Parsed) -> Parsed:
        """``parsed`` with the sentences the memory knows, looked up now (for an article
        prepared without ``recall``: after every earlier window's sentences were stored)."""
        article = parsed.article
        if self.memory is None or article.reuse is not None or article.memory is not None:
            return parsed
        known = self._known(parsed.document.sentences)
        return replace(parsed, article=replace(article, memory=known)) if known else parsed

    def _remembered(self, fmt, source, name: str) -> dict | None:
        """The article's sentences the memory knows, by index (the article parsed here, in
        the driver, so workers get only what is left to translate)."""
        if self.memory is None:
            return None
        try:
            parsed = fmt.parse(source.data if fmt.binary else source.text, name)
        except DocumentError:
            return None  # the run core says why, with one line
        return self._known(parsed.document.sentences)

    def _known(self, sentences: Sequence[str]) -> dict | None:
        """The sentences the memory knows, by index."""
        found: dict[int, Entry] = {}
        try:
            for key, indices in self._keys(sentences).items():
                known = self.memory.lookup(key, [sentences[i] for i in indices])
                found.update({i: known[sentences[i]] for i in indices if sentences[i] in known})
        except MemoryUnavailable as exc:
            self._lost(exc)
            return None
        return dict(sorted(found.items())) or None

    def _keys(self, sentences) -> dict[str, list[int]]:
        """The memory's key of each sentence (by index): the translation settings, and the
        glossary terms and addresses it holds (both held as written: a translation
        remembered without them held is not taken for one that holds them)."""
        glossary = self.run.glossary
        keys: dict[str, list[int]] = {}
        for i, sentence in enumerate(sentences):
            terms = terms_in(glossary, sentence) if glossary is not None else ()
            held = [(t.dutch, t.english) for t in terms]
            held += [(address, address) for address in addresses(sentence)]
            key = memory_key(self._settings, held)
            keys.setdefault(key, []).append(i)
        return keys

    def _remember(self, record) -> None:
        """Adds a written article's sentences to the memory (an English article copied
        through has none to add, an English sentence kept as it was is not added)."""
        if self.memory is None or any(f.kind == "language" for f in record.findings):
            return
        own: dict[int, list[dict]] = {}
        for f in record.findings:
            if f.sentence is not None and f.kind in TRANSLATION_KINDS:
                own.setdefault(f.sentence, []).append(
                    {"kind": f.kind, "message": f.message, "data": dict(f.data)}
                )
        sentences = record.sentences
        # a sentence kept as it was (English already) is no translation to remember
        kept = {f.sentence for f in record.findings if f.kind == "english"}
        try:
            for key, indices in self._keys([s.source for s in sentences]).items():
                entries = [
                    Entry(s.source, s.translation, s.score, tuple(own.get(i, ())), s.retry)
                    for i, s in ((i, sentences[i]) for i in indices)
                    if s.translation and i not in kept
                ]
                self.memory.store(key, entries)
        except MemoryUnavailable as exc:
            self._lost(exc)

    def _lost(self, exc: Exception) -> None:
        logger.warning("the translation memory cannot be used (%s); going on without it", exc)
        self.memory = None

    def write(self, rel: Path, result: Result) -> Outcome:
        """Remembers one article's sentences and writes its outputs (sidecar last), or its
        error file when it failed.

        Raises:
            OutboxError: the outbox is full, read-only or forbidden: no later article could
                be written either.
        """
        if result.status == Status.FAILED:
            return self.fail(rel, result.reason)
        outputs = Outputs.for_source(self.job.outbox, rel)
        record = result.record
        review = None
        if self.job.review:
            review = review_page(str(rel), result.pairs, result.summary, record)
        # remembered first: a run killed between the two writes the article again, from the
        # memory; the other order would leave it written but never remembered
        self._remember(record)
        try:
            outputs.write(result.translation, result.summary, record.to_json(), review)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            if exc.errno in _OUTBOX_FULL:  # every later write would fail too: stop at once
                raise OutboxError(
                    f"{self.job.outbox}: cannot write outputs ({reason}); every article "
                    "finished before is written, run again once there is room"
                ) from exc
            return self.fail(rel, f"{rel}: cannot write its outputs ({reason})")
        counts = record.counts
        refused = self._strict(rel, record.findings, counts.segments, counts.words)
        done = Outcome(rel, Status.DONE, "", counts.segments, counts.words, record.findings)
        return replace(refused or done, reused=counts.reused)

    def _strict(self, rel: Path, findings, segments: int = 0, words: int = 0) -> Outcome | None:
        """With ``--strict``, the failed outcome (and error file) of an article whose
        findings say a sentence or its summary may be wrong; else None."""
        if not self.job.strict:
            return None
        wrong = [f for f in findings if f.kind in STRICT_KINDS]
        if not wrong:
            return None
        reason = (
            f"{rel}: --strict: {describe_counts(count_kinds(wrong))} (first: {wrong[0].message}); "
            "outputs written, see the sidecar's findings"
        )
        self.fail(rel, reason)
        return Outcome(rel, Status.FAILED, reason, segments, words, tuple(findings))

    def fail(self, rel: Path, reason: str) -> Outcome:
        """A failed outcome, with the reason written to the article's error file."""
        try:
            Outputs.for_source(self.job.outbox, rel).write_error(reason)
        except OSError as exc:
            logger.error("%s: cannot write error file (%s)", rel, exc)
        return Outcome(rel, Status.FAILED, reason=reason)


def _reuse(fresh: Freshness, outputs: Outputs, summarizes: bool) -> Reuse | None:
    """What of an earlier run's outputs the article can take instead of the model: its
    translation when current, and its summary when current too (or, with summaries off,
    when it is there at all: it is kept, with the settings it was made with)."""
    if not fresh.translation:
        return None
    sidecar = fresh.sidecar
    try:
        sentences = sidecar["sentences"]
        findings = [Finding.from_json(f) for f in sidecar.get("findings") or []]
        summary_settings = sidecar["settings"].get("summary")
        reuse = Reuse(
            sources=tuple(str(s["source"]) for s in sentences),
            translations=tuple(str(s["translation"]) for s in sentences),
            scores=tuple(s.get("score") for s in sentences),
            segments=int(sidecar["counts"]["segments"]),
            findings=tuple(f for f in findings if f.kind in TRANSLATION_KINDS),
        )
        if summary_settings is None or not outputs.summary.is_file():
            return reuse
        if summarizes and not fresh.summary:
            return reuse  # summarized anew from the reused translation
        counts = sidecar["counts"]
        summary = Summary(
            outputs.summary.read_text(encoding="utf-8").removesuffix("\n"),
            int(counts["summary_chunks"] or 0),
            int(counts["summary_rounds"] or 0),
            tuple(f for f in findings if f.kind == "summary_note"),
        )
    except (KeyError, TypeError, ValueError, AttributeError, OSError):
        return None  # a sidecar this version cannot read: everything is made anew
    return replace(reuse, summary=summary, summary_settings=summary_settings)


def _findings_of(sidecar: dict | None) -> list[Finding]:
    findings = []
    for data in (sidecar or {}).get("findings") or []:
        try:
            findings.append(Finding.from_json(data))
        except (KeyError, TypeError, ValueError):
            continue  # a kind this version does not know
    return findings


def _size(path: Path, rel: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{rel}: cannot read ({exc.strerror or exc})") from exc


def _size_text(size: int, other: int) -> str:
    """``size`` in MB with as many decimals as it takes to tell it from ``other`` (in bytes
    when even six do not)."""
    for decimals in range(1, 7):
        if round(size / 1e6, decimals) != round(other / 1e6, decimals):
            return f"{size / 1e6:,.{decimals}f}".rstrip("0").rstrip(".") + " MB"
    return f"{size:,} bytes"
