"""The glossary without a model: reading files (and their one-line errors), matching terms,
checking translations, the constrained search's bookkeeping, and how the translation stage
routes rows with terms."""

import pytest

from tests.fakes import EchoEngine
from translate.checks.base import Sentence
from translate.checks.glossary import applied_terms, summary_terms
from translate.config import TranslationOptions
from translate.engines.hf_loop.constraints import (
    START,
    advance,
    advancing,
    allocate,
    gluing_mask,
    needed,
)
from translate.glossary import GlossaryError, read_glossary, realized, terms_in
from translate.stages.translation import Translator
from translate.text.document import parse as parse_document

HOUSE = """# house style
Tweede Kamer\tHouse of Representatives
minister-president\tPrime Minister
Kamerlid\tMP
gemeenteraad\tcity council
gemeenteraden\tcity councils
GroenLinks
VVD
Kamer\tChamber
"""


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "huisstijl.tsv"
    path.write_text(HOUSE, encoding="utf-8")
    return read_glossary(path)


def _found(glossary, sentence):
    return [(t.dutch, t.english) for t in terms_in(glossary, sentence)]


def test_reads_entries_keep_terms_and_comments(glossary):
    assert len(glossary.entries) == 8
    keep = [e.dutch for e in glossary.entries if e.keep]
    assert keep == ["GroenLinks", "VVD"]
    assert glossary.entries[0].line == 2
    assert len(glossary.sha256) == 64 and glossary.digest != glossary.sha256


def test_csv_and_a_comment_change_keeps_the_digest(tmp_path, glossary):
    path = tmp_path / "g.csv"
    rows = [line.replace("\t", ",") for line in HOUSE.splitlines()]
    path.write_text("\n".join(["# another comment", *rows]) + "\n", encoding="utf-8")
    other = read_glossary(path)
    assert other.digest == glossary.digest and other.sha256 != glossary.sha256
    path.write_text('"Tweede Kamer","House of Representatives, the"\n', encoding="utf-8")
    assert read_glossary(path).entries[0].english == "House of Representatives, the"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Tweede Kamer\tHouse\textra\n", "g.tsv:1: 3 columns"),
        ("VVD\n\tHouse of Representatives\n", "g.tsv:2: the Dutch term is empty"),
        ("Kamerlid\tMP\nkamerlid\tmember\n", "g.tsv:2: 'kamerlid' is already on line 1"),
        ("Kamerlid\tMP\nKamerlid\n", "another translation ('MP' vs kept as it is)"),
        ("# nothing\n\n", "g.tsv: the glossary holds no terms"),
        ("...\tdots\n", "g.tsv:1: the Dutch term '...' has no letters"),
    ],
)
def test_bad_lines_are_one_error_naming_file_and_line(tmp_path, content, message):
    path = tmp_path / "g.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_glossary(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(GlossaryError, match="missing.tsv: cannot read glossary"):
        read_glossary(tmp_path / "missing.tsv")
    path = tmp_path / "latin1.tsv"
    path.write_bytes(b"VVD\nco\xf6peratie\tcooperative\n")
    with pytest.raises(GlossaryError, match="latin1.tsv:2: glossary is not UTF-8"):
        read_glossary(path)


def test_the_same_line_twice_is_no_error(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("Kamerlid\tMP\nKamerlid\t MP \n", encoding="utf-8")
    assert len(read_glossary(path).entries) == 1


def test_matching_whole_words_first_letter_and_longest(glossary):
    sentence = "Gemeenteraad en Tweede  Kamer: de minister-president sprak met Kamerlid De Vries."
    assert _found(glossary, sentence) == [
        ("Gemeenteraad", "City council"),  # the sentence's first word: capitalized
        ("Tweede  Kamer", "House of Representatives"),  # longest wins over "Kamer"
        ("minister-president", "Prime Minister"),
        ("Kamerlid", "MP"),
    ]
    assert _found(glossary, "Het gemeenteraadslid en de kamerleden") == []  # whole words
    assert _found(glossary, "De Eerste Kamer en de kamer.") == [
        ("Kamer", "Chamber"),
        ("kamer", "Chamber"),
    ]
    assert _found(glossary, "De gemeenteraden van GroenLinks en de VVD.") == [
        ("gemeenteraden", "city councils"),
        ("GroenLinks", "GroenLinks"),
        ("VVD", "VVD"),
    ]
    assert _found(glossary, "de vvd") == []  # an acronym is no word in lower case


def test_headings_in_capitals_or_title_case_match(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("Raad van State\tCouncil of State\ngemeenteraad\tcity council\nNS\n", "utf-8")
    glossary = read_glossary(path)
    assert _found(glossary, "RAAD VAN STATE KRAAKT GEMEENTERAAD") == [
        ("RAAD VAN STATE", "COUNCIL OF STATE"),  # English in capitals, as the heading
        ("GEMEENTERAAD", "CITY COUNCIL"),
    ]
    assert _found(glossary, "Raad Van State Over De Gemeenteraad") == [
        ("Raad Van State", "Council of State"),
        ("Gemeenteraad", "city council"),
    ]
    assert _found(glossary, "de gemeenteRaad") == []  # only first letters, or all capitals
    # each word's first letter is free; an acronym's other letters are not
    assert _found(glossary, "De raad van state en de ns") == [
        ("raad van state", "Council of State")
    ]
    assert _found(glossary, "DE NS RIJDT") == [("NS", "NS")]


def test_overlapping_terms_resolved_by_length(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("Raad van State\tCouncil of State\nvan State\tX\nraad\tcouncil\n", "utf-8")
    found = _found(read_glossary(path), "De Raad van State en de raad.")
    assert found == [("Raad van State", "Council of State"), ("raad", "council")]


def test_realized_is_whole_words_with_the_first_letter_free():
    assert realized("city council", "The City council met.")
    assert realized("city council", "The City Council met.")  # a name's capitals
    assert realized("city council", "THE CITY COUNCIL MET.")  # a heading in capitals
    assert not realized("city council", "The cITY council met.")
    assert realized("House of Representatives", "the House  of\nRepresentatives")
    assert not realized("MP", "Two MPs spoke.")
    assert realized("MP", "The MP's speech.")
    assert not realized("VVD", "the vvd")


def test_applied_terms_and_findings(glossary):
    sentences = [
        Sentence(0, "De Tweede Kamer stemde.", "The House of Representatives voted."),
        Sentence(1, "De VVD en de gemeenteraad.", "The VVD and the municipal council."),
    ]
    applied, findings = applied_terms(glossary, sentences)
    assert [(a["sentence"], a["english"], a["realized"]) for a in applied] == [
        (0, "House of Representatives", True),
        (1, "VVD", True),
        (1, "city council", False),
    ]
    (finding,) = findings
    assert finding.kind == "glossary" and finding.sentence == 1
    assert "'gemeenteraad' (line 5)" in finding.message


def test_summary_keeps_terms_restoring_near_forms():
    text, counts = summary_terms(
        ["House of Representatives", "city council", "VVD"],
        "The house of representative voted. The VVD agreed.",
    )
    assert text == "The House of Representatives voted. The VVD agreed."
    assert counts == {"terms": 3, "kept": 1, "restored": 1}
    text, counts = summary_terms(["city council"], "Two city councils met.")
    assert text == "Two city councils met." and counts["restored"] == 0


def test_constraint_states():
    phrases = ((5, 6, 7), (9,))
    state = advance(phrases, START, 5)
    assert needed(phrases, state) == 3 and advancing(phrases, state) == [6]
    state = advance(phrases, state, 6)
    abandoned = advance(phrases, state, 1)
    assert needed(phrases, abandoned) == 4 and advancing(phrases, abandoned) == [5, 9]
    done = advance(phrases, advance(phrases, state, 7), 9)
    assert needed(phrases, done) == 0 and done[3]  # just completed a phrase
    assert not advance(phrases, done, 1)[3]


def test_allocation_gives_every_bank_a_turn():
    candidates = [
        (-1.0, 0, 1, START),
        (-2.0, 0, 2, START),
        (-3.0, 0, 3, START),
        (-9.0, 1, 4, START),
    ]
    banks = [0, 0, 0, 2]
    chosen = allocate(candidates, banks, 2)
    assert [c[2] for c in chosen] == [4, 1]  # the most constraints met first, then the best
    assert [c[2] for c in allocate(candidates, banks, 4)] == [4, 1, 2, 3]


class Constraining(EchoEngine):
    """An echo engine over another's vocabulary (as torch beside CTranslate2 shares the
    checkpoint's tokenizer)."""

    constrains = True

    def __init__(self, other: EchoEngine):
        super().__init__()
        self._ids, self._words = other._ids, other._words


def test_rows_with_terms_go_together_to_the_constraining_engine(glossary):
    plain = EchoEngine()
    constrainer = Constraining(plain)
    options = TranslationOptions(glossary=glossary)
    translator = Translator(plain, options, constrainer)
    document = parse_document(
        "De Tweede Kamer stemde. Het regende. De VVD en de gemeenteraad. Het waaide."
    )
    result = translator.translate(document)
    assert [b for b in plain.batches] == [["Het regende.", "Het waaide."]]
    assert all(s.row_terms is None for s in plain.settings)
    assert sorted(constrainer.batches[0]) == [
        "De Tweede Kamer stemde.",
        "De VVD en de gemeenteraad.",
    ]
    (settings,) = constrainer.settings
    terms = dict(zip(constrainer.batches[0], settings.row_terms, strict=True))
    assert terms["De VVD en de gemeenteraad."] == ("VVD", "city council")
    assert terms["De Tweede Kamer stemde."] == ("House of Representatives",)
    assert result.translation.sentences[1] == "Het regende."
    assert translator.settings()["glossary"] == glossary.digest


def test_without_a_glossary_nothing_changes():
    engine = EchoEngine()
    Translator(engine).translate(parse_document("De Tweede Kamer stemde."))
    assert engine.settings[0].row_terms is None
    assert "glossary" not in Translator(engine).settings()


def test_settings_split_rows_with_terms_from_rows_without():
    from translate.engines import GenerationSettings

    settings = GenerationSettings(30, row_caps=(10, 20, 30), row_terms=(("MP",), (), ("VVD",)))
    (held, with_terms), (free, without) = settings.by_terms(3)
    assert held == [0, 2] and with_terms.row_caps == (10, 30) and with_terms.max_new_tokens == 30
    assert with_terms.row_terms == (("MP",), ("VVD",))
    assert free == [1] and without.row_caps == (20,) and without.row_terms is None


def test_what_may_not_follow_a_completed_term_continues_its_word_or_address():
    pieces = ["▁city", "▁council", "ors", "/en", ".nl", ".", ",", "-led", "▁the", "@x", "-"]
    glue = gluing_mask(pieces, len(pieces)).tolist()
    assert glue == [False, False, True, True, True, False, False, True, False, True, False]
