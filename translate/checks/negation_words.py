"""The words the ``negation`` check excuses a negation with: what either language may say
"not" with, and the antonyms a negated word may be rendered as (``niet groot`` = "small").
Each a pair of Dutch and English forms: ``stem*`` takes any ending, ``_`` is a space."""

from __future__ import annotations

import re


def _words(forms: str) -> re.Pattern:
    alternatives = "|".join(
        re.escape(f.rstrip("*")).replace("_", r"\s+") + (r"\w*" if f.endswith("*") else r"\b")
        for f in forms.split()
    )
    return re.compile(rf"\b(?:{alternatives})", re.I)


# Things either language may say "not" with, Dutch and English: a Dutch negation rendered
# with the English side is excused where the source does not hold the Dutch side (then the
# English is that word's), and the other way round (``zonder`` = "without", ``niet meer`` =
# "stop", ``pas in maart`` = "not until March")
SAID_OTHERWISE = [
    (_words(nl), _words(en))
    for nl, en in (
        ("weiger* afwijz* afgewezen wees_af wijst_af", "refus* declin* reject*"),
        ("ontken*", "deny denies denied denial*"),
        ("ontbre* gebrek* vermist*", "lack* absen* missing"),
        ("afwezig*", "absen*"),
        ("verbod* verbied* verboden* verbood", "ban bans banned banning prohibit* forbid* forbad*"),
        ("mislukt* mislukk* faal* falen gefaald", "fail*"),
        (
            "stop stopt stoppen gestopt ophoud* opgehouden afzien ziet_af zag_af opgeven "
            "geeft_op gaf_op beëindig* staak* gestaakt",
            "stop stops stopped stopping quit quits quitting ceas* abandon* give_up gave_up",
        ),
        ("uitblijv* uitgebleven bleef_uit bleven_uit", "yet_to"),
        ("tekort*", "short_of shortage*"),
        ("vergeefs tevergeefs", "in_vain"),
        ("tenzij", "unless"),
        ("behalve uitgezonderd", "except* other_than apart_from besides"),
        ("zelden", "rarely seldom"),
        ("nauwelijks amper ternauwernood", "hardly barely scarcely"),
        ("weinig* minder* minst*", "few fewer fewest little less least"),
        ("hooguit hoogstens maximaal maximum", "at_most up_to maximum"),
        ("alleen slechts enkel pas louter uitsluitend", "only just merely"),
        ("totdat", "until till"),
        ("vermijd* voorkom* verhinder*", "avoid* prevent*"),
        ("tegenval* tegengevallen tegenviel*", "disappoint*"),
        ("liefst", "as_many_as as_much_as whopping"),
        ("nul", "zero nil"),
        ("zwijg* zweeg* gezwegen", "silen* quiet*"),
        ("verre_van", "far_from"),
        ("in_plaats_van", "instead* rather_than"),
        ("anders_dan", "unlike other_than contrary"),
        ("los_van ongeacht", "regardless irrespective apart_from aside_from"),
        ("gesloten dicht sluit* sloot sloten", "closed"),
        ("herinner* onthoud* onthouden", "remember*"),
        ("fout* verkeerd* onjuist* onwaar* vals*", "wrong* false*"),
        ("eerste_keer eerste_maal", "first_time"),
        ("gratis kosteloos vrij*", "free"),
        ("gemist mist missen miste", "miss misses missed"),
        (
            "afgelast* geannuleerd annuleer* afgeblazen geschrapt schrap*",
            "cancel* called_off call_off",
        ),
        ("aarzel* terughoudend*", "reluctan* hesita*"),
    )
]


# A Dutch word and the English antonyms its negation may be rendered with (``niet groot`` =
# "small", ``geen schuld`` = "innocent", ``niet lang`` = "soon"), or that a negation in the
# translation renders it with (``klein`` = "not big", ``verloor`` = "did not win")
ANTONYMS = [
    (_words(nl), _words(en))
    for nl, en in (
        ("groot grote groter", "small* little minor slight* modest"),
        ("klein kleine", "big bigger large* major huge considerable"),
        ("lang lange", "short* soon quick* brief*"),
        ("hoog hoge", "low*"),
        ("laag lage", "high*"),
        ("duur dure", "cheap* affordable"),
        ("goedkoop goedkope", "expensive costly"),
        ("goed goede", "bad* poor* wrong* weak*"),
        ("slecht slechte", "good fine decent well"),
        ("makkelijk* gemakkelijk* eenvoudig*", "difficult hard* tough tricky"),
        ("moeilijk* lastig*", "easy easily simple"),
        ("vaak", "rarely seldom occasional*"),
        ("ver verre", "near* close* nearby"),
        ("oud oude", "young* new* recent*"),
        ("nieuw nieuwe", "old*"),
        ("open", "closed shut"),
        ("aanwezig*", "absent* missing"),
        ("waar", "false* untrue"),
        ("juist juiste", "wrong* incorrect"),
        ("schuld*", "innocent*"),
        ("genoeg voldoende", "too_few too_little short*"),
        ("klaar afgerond af", "pending unfinished ongoing under_way still_going"),
        ("winnen won wint gewonnen", "lost lose* draw* drew defeat*"),
        ("verlies* verloor* verloren", "win wins won winning"),
        ("moeite", "easy easily"),
        ("niet_anders", "bound_to must have_to has_to had_to"),
        ("vertraging* vertraagd*", "on_time punctual*"),
        ("probleem problemen", "smooth* easily"),
        ("leven levend* overleef* overleefd*", "dead died killed"),
        ("zeker", "uncertain unsure doubt*"),
        ("doorgaan gaat_door ging_door", "off postpone*"),
        ("gezond gezonde", "ill sick"),
        ("zwaar zware ernstig*", "minor mild* light*"),
        ("snel snelle", "slow*"),
        ("druk drukke", "quiet* calm*"),
        ("rustig*", "busy hectic"),
        ("blij", "sad* upset"),
        ("eerder", "later first_time"),
        ("hetzelfde dezelfde zelfde gelijk", "differ*"),
        ("wonder", "small_wonder"),
        ("aan_de_hand", "fine well all_right wrong"),
    )
]
