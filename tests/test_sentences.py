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
