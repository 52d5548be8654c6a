import pytest

from translate.text.sentences import split_sentences

CASES = [
    ("Hij kwam. Zij ging.", ["Hij kwam.", "Zij ging."]),
    ("Het was o.a. duur. Dat klopt.", ["Het was o.a. duur.", "Dat klopt."]),
    ("Neem bijv. fruit. Of groente.", ["Neem bijv. fruit.", "Of groente."]),
    ("Volgens dhr. Jansen klopt het niet.", ["Volgens dhr. Jansen klopt het niet."]),
    ("Mevr. De Wit en mevr. Bos waren er.", ["Mevr. De Wit en mevr. Bos waren er."]),
    ("Dat is d.w.z. te laat. Echt.", ["Dat is d.w.z. te laat.", "Echt."]),
    ("Het kost ca. 300 euro. Veel.", ["Het kost ca. 300 euro.", "Veel."]),
    ("Zie nr. 5 op blz. 12. Daar staat het.", ["Zie nr. 5 op blz. 12.", "Daar staat het."]),
    ("Regels m.b.t. Amsterdam gelden. Ook hier.", ["Regels m.b.t. Amsterdam gelden.", "Ook hier."]),
    ("Fietsen, auto's e.d. Die mogen niet.", ["Fietsen, auto's e.d.", "Die mogen niet."]),
    ("Fietsen e.d. zijn verboden.", ["Fietsen e.d. zijn verboden."]),
    ("J. de Vries zei het. A.B. Smit ook.", ["J. de Vries zei het.", "A.B. Smit ook."]),
    ("Het kost 1.000 euro. Of 3,5 procent.", ["Het kost 1.000 euro.", "Of 3,5 procent."]),
    (
        "De trein van 12.30 uur reed. Hij was laat.",
        ["De trein van 12.30 uur reed.", "Hij was laat."],
    ),
    ("Op 12 jan. 2021 begon het. Toen niet.", ["Op 12 jan. 2021 begon het.", "Toen niet."]),
    ("Hij zei: 'Ik kom.' Toen ging hij.", ["Hij zei: 'Ik kom.'", "Toen ging hij."]),
    ("'Kom je?' vroeg ze. Hij knikte.", ["'Kom je?' vroeg ze.", "Hij knikte."]),
    ('"Stop!" riep hij. Niemand stopte.', ['"Stop!" riep hij.', "Niemand stopte."]),
    ('Hij riep: "Stop!" Niemand stopte.', ['Hij riep: "Stop!"', "Niemand stopte."]),
    ("Het was... vreemd. Echt.", ["Het was... vreemd.", "Echt."]),
    ("Het was vreemd... Daarna niet.", ["Het was vreemd...", "Daarna niet."]),
    ("Wacht… Nee.", ["Wacht…", "Nee."]),
    ("Waarom? Daarom! Zo.", ["Waarom?", "Daarom!", "Zo."]),
    ("Hij kwam thuis. 's Avonds at hij.", ["Hij kwam thuis.", "'s Avonds at hij."]),
    ("Het was 2020. 2021 werd beter.", ["Het was 2020.", "2021 werd beter."]),
    ("Prof. dr. ir. K. Pietersen sprak.", ["Prof. dr. ir. K. Pietersen sprak."]),
    ("Geen punt aan het eind", ["Geen punt aan het eind"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences_join_back_to_the_text(text, expected):
    assert " ".join(split_sentences(text)) == text


# Words that collided with the abbreviation list, one class per block (issue: the splitter).
COLLISIONS = [
    # capitalised names and acronyms are words, not abbreviations
    ("Het geld ging naar de VS. Ook Canada kreeg iets.", 2),
    ("Hij stapte over naar ING. Daar werkt hij nog.", 2),
    ("Ze ging met Jan. Hij reed.", 2),
    ("Het boek is van Max. Hij leest graag.", 2),
    ("De zaak tegen de NS. Die verloor.", 2),
    ("Lid van het EP. Daarna minister.", 2),
    # everyday words that were listed
    ("Het is nu eenmaal zo. Daar kunnen we niets aan doen.", 2),
    ("Wat wil je dat ik do. Niets.", 2),
    ("Hij belde zijn ma. Ze nam op.", 2),
    # amounts, months, min/max end a sentence before a capital, not before a number
    ("De schade bedraagt € 3,2 mln. Verzekeraars betalen.", 2),
    ("Het tekort is 4 mld. De minister reageert.", 2),
    ("Er is 1,5 mrd. Dat is veel.", 2),
    ("De wet gaat in op 1 sept. Daarna geldt de regel.", 2),
    ("Het duurt 10 min. Daarna begint het.", 2),
    ("Het kost 5 mln. euro per jaar.", 1),
    ("Op 12 sept. 2021 opende de brug.", 1),
    ("Er mogen max. 5 personen in.", 1),
    # company forms
    ("Het bedrijf is een B.V. Het heeft tien werknemers.", 2),
    ("Philips N.V. maakt lampen.", 1),
    # numbered lists inside a sentence stay one sentence
    ("Op de agenda staan: 1. Opening, 2. Vaststelling van de notulen.", 1),
    ("Drie punten; 1. Geld, 2. Tijd, 3. Mensen.", 1),
    # a list item's number or letter alone is no sentence: it stays with its words
    ("1. Eerst de vergunning. 2. Dan de bouw.", 2),
    ("a. De kosten. b. De baten.", 2),
    ("Het antwoord is 3. Dat wist iedereen.", 2),
    # section, paragraph and office abbreviations
    ("Zie ook hfdst. 4 en par. 4.2. Daar staat meer.", 2),
    ("Weth. Jansen en burg. Halsema spraken. Daarna was het stil.", 2),
    ("Lt. gen. Van Dam voerde het bevel. Hij was streng.", 2),
    ("Het steeg 5 pct. in een jaar.", 1),
    ("De prijs steeg met 12 pct. Analisten waren verrast.", 2),
    # a lower-case start with a capital inside the word
    ("Apple verkocht er miljoenen. iPhone-gebruikers zijn tevreden.", 2),
    ("Het bod kwam laat. eBay reageerde niet.", 2),
    # a street written short, before its house number
    ("Het huis aan de Hoofdstr. 12 brandde af. De bewoners zijn veilig.", 2),
    # the criminal code after an article's number; "senior" after a name
    ("Hij is veroordeeld op grond van artikel 287 Sr. De rechter was streng.", 2),
    ("Dat is strafbaar volgens art. 36f Sr. Het OM ging in beroep.", 2),
    ("Ken Griffey Sr. De zoon speelde ook.", 1),
    # and what must not change
    ("Volgens dhr. Jansen klopt het.", 1),
    ("Ing. Bakker tekende het plan.", 1),
    ("Op 12 jan. 2021 begon het.", 1),
    ("Zie blz. 12. Daar staat het.", 2),
]


@pytest.mark.parametrize(("text", "count"), COLLISIONS)
def test_abbreviation_collisions(text, count):
    sentences = split_sentences(text)
    assert len(sentences) == count, sentences
    assert " ".join(sentences) == text


def _time_split(text: str) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        split_sentences(text)
        best = min(best, time.perf_counter() - started)
    return best


def _unit(size: int) -> str:
    sentence = "De raad van Amsterdam besprak dinsdag o.a. het plan van dhr. Jansen. "
    return (sentence * (size // len(sentence) + 1))[:size]


def test_time_grows_linearly_with_the_unit():
    """10x the text must not take anything near 100x the time (quadratic did)."""
    small, large = _unit(30_000), _unit(300_000)
    assert len(split_sentences(large)) > 4000
    ratio = _time_split(large) / _time_split(small)
    assert ratio < 30, f"300 KB took {ratio:.0f}x the time of 30 KB"


def test_one_paragraph_per_line_file_parses_linearly():
    from translate.text.document import parse

    lines = [
        f"Bericht {i} van dhr. Jansen gaat o.a. over geld. Het kost ca. {i} euro."
        for i in range(900)
    ]
    text = "\n".join(lines) + "\n"
    assert 60_000 < len(text.encode()) < 80_000
    document = parse(text)
    # the hard-wrap rule joins the lines into one unit: every sentence still comes out whole
    assert len(document.sentences) == 2 * len(lines)
    assert " ".join(document.sentences) == " ".join(lines)
