"""The article's context (lint/context): its country, likely source languages, and the words of
other languages it carries; and NL512 foreign-word. Texts written for these tests."""

from __future__ import annotations

import pytest

from lint.context.country import document_country
from lint.context.gazetteer import gazetteer_for
from lint.context.languages import language_name, source_languages
from lint.context.places import doubled_place_names, places
from lint.packs import load_packs
from lint.roles import RoleSettings, assign_roles
from tests.conftest import CorpusFactory

PACKS = load_packs()


def country_of(text: str) -> str | None:
    lines = text.split("\n")
    roles = assign_roles(lines, RoleSettings.from_packs(PACKS))
    return document_country(lines, roles, gazetteer_for(PACKS)).code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wine festival opens\n\nVALPARAISO, Chile (Coast Wire) — The wine festival opened "
         "on Monday.\n\nThe organisers said the tickets had sold out.\n", "CL"),
        ("Heatwave shuts schools\n\nSchools in Bihar and Jharkhand closed early as temperatures rose, and "
         "offices in Patna shortened their hours on Tuesday.\n", "IN"),
        ("Storm closes ports\n\nRostock – The port of Rostock closed on Friday as the storm reached "
         "Mecklenburg-Vorpommern, and ferries to Denmark were cancelled.\n", "DE"),
        ("Jazz festival opens\n\nMusicians played in Poznań and Wrocław on Monday, and the Sejm "
         "debated the culture budget.\n", "PL"),
    ],
)
def test_country_from_dateline_places_and_institutions(text: str, expected: str) -> None:
    assert country_of(text) == expected


def test_no_country_when_the_evidence_is_thin_or_split() -> None:
    assert country_of("Markets rise\n\nShares rose on Monday after a quiet week of trading.\n") is None
    split = ("Talks resume\n\nOfficials from Peru and Bolivia met in Lima and La Paz, and Peruvian "
             "and Bolivian ministers spoke in Cusco and Sucre.\n")
    assert country_of(split) in (None, "PE")


def test_a_demonym_of_a_country_without_institution_tables_is_evidence() -> None:
    """"the Norwegian port of Bodo" says Norway though the institutions pack lists none of its
    bodies (rules/institutions.toml, [institutions.demonyms]); the town twice says too little."""
    text = ("Ferry strike in Bodo ends\n\nFerries sailed again from the Norwegian port of Bodo on "
            "Friday after a two-day strike, and the crews returned to work.\n")
    assert country_of(text) == "NO"
    assert country_of(text.replace("the Norwegian port", "the port")) is None


def test_a_city_inside_a_longer_name_is_not_a_place() -> None:
    hits = [h.name for h in places().find("Victoria Beckham spoke at the Sydney Morning Herald awards in Madrid.")]
    assert hits == ["Madrid"]


def test_a_possessive_ends_a_place_name_and_hyphenated_places_count_each() -> None:
    """"Konya's Yeniceoba district": the possessive ends the province's name, the unknown
    district after it does not make it part of a longer name; "the Konya-Karaman road" names
    two provinces. A hyphenated given name is not two places."""
    found = [h.name for h in places().find("A bus overturned in Konya's Yeniceoba district on the Konya-Karaman road.")]
    assert found == ["Konya", "Konya", "Karaman"]
    assert [h.name for h in places().find("Jean-Pierre Lemaire and Victoria Beckham's driver spoke.")] == []


def test_doubled_place_names_come_from_the_city_table() -> None:
    names = doubled_place_names()
    assert "pago pago" in names and "walla walla" in names
    assert "lima lima" not in names


def test_source_languages_from_country_marks_and_words() -> None:
    assert "es" in source_languages("CL", {}, [])
    assert source_languages("US", {}, []) == {}
    assert "hi" in source_languages("IN", {"hi": 1}, [])
    assert "en" not in source_languages("KR", {}, [])


HEADLINE = "Storm damage closes the coast road for a week\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def foreign(lint_corpus: CorpusFactory, text: str) -> list[str]:
    return [d.text for d in lint_corpus({"a.txt": text}, select="NL512") if d.code == "NL512"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The mayor thanked the bénévoles who cleaned the beach on Sunday.", ["bénévoles"]),
        ("The museum charged 30 złotych for a ticket to the exhibition.", ["złotych"]),
        ("Cyclists reached the hamlet, but the carretera was closed for the race.", ["carretera"]),
    ],
)
def test_untranslated_words_are_reported(lint_corpus: CorpusFactory, paragraph: str, expected: list[str]) -> None:
    assert foreign(lint_corpus, article(paragraph)) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Residents call the payment the aguinaldo de Navidad, or Christmas bonus.",
        "The Guardia Costiera and the Protezione Civile sent boats to the village.",
        "The sołtys of the village and the starosta opened the new library on Monday.",
        "Tourists crowded the souk and the kasbah, and the riad owners raised their prices.",
        "Officials said 3.2 lakh tickets were sold and the fair earned 480 crore rupees.",
        "Crowds chanted “¡no pasarán!” outside the town hall for an hour on Friday.",
        "The café owner said the fiancé of her niece had found the entrée menu in the rubble.",
        "The region's name in Korean (강원도) appears on every road sign.",
        "Fishermen hung a banner reading «Nessuno resta a terra oggi» (\"Nobody stays ashore today\") on the pier.",
        "The vote passed after the mayorâ€™s veto and the governorâ€™s appeal were withdrawn.",
    ],
)
def test_names_loanwords_glosses_and_quotations_are_not_reported(
    lint_corpus: CorpusFactory, paragraph: str
) -> None:
    assert foreign(lint_corpus, article(paragraph)) == []


def test_a_less_common_word_of_the_source_language_is_info_in_a_translation(lint_corpus: CorpusFactory) -> None:
    """"guardaparques" is too rare in Spanish for any article, but an article about Chile, likely
    translated from Spanish, left it untranslated: info. About Norway, nothing."""
    paragraph = ("In Chile, near Valdivia and Osorno, the guardaparques closed two trails after the "
                 "storm, the regional government of Los Ríos said.")
    found = [(d.text, str(d.severity)) for d in lint_corpus({"a.txt": article(paragraph)}, select="NL512")]
    assert found == [("guardaparques", "info")]
    elsewhere = paragraph.replace("In Chile, near Valdivia and Osorno", "In Norway, near Bergen and Voss").replace(
        "the regional government of Los Ríos", "the county of Vestland")
    assert foreign(lint_corpus, article(elsewhere)) == []
    turkish = paragraph.replace("In Chile, near Valdivia and Osorno", "In Turkey, near Izmir and Manisa").replace(
        "the regional government of Los Ríos", "the governor of Izmir").replace("guardaparques", "yolbekciler")
    found = lint_corpus({"a.txt": article(turkish)})  # wordfreq has no large Turkish list
    assert [d.code for d in found if str(d.severity) == "error"] == []


def test_other_script_inside_english_prose(lint_corpus: CorpusFactory) -> None:
    assert foreign(lint_corpus, article("The ministry said the 현장 was safe again by Friday evening.")) == ["현장"]


def test_misspelling_leaves_foreign_phrases_alone(lint_corpus: CorpusFactory) -> None:
    text = article("Residents call the payment the aguinaldo de Navidad de los jubilados, or pensioners' Christmas bonus.",
                   "The enviroment agency said the payment would come in March.")
    flagged = [d.text for d in lint_corpus({"a.txt": text}, select="NL507") if d.code == "NL507"]
    assert flagged == ["enviroment"]


def test_institutions_are_found_where_the_whole_alternation_finds_them() -> None:
    """The gazetteer tries its names only where a name's first word stands, from a dictionary
    of first words: the same matches as a scan of the whole text with the alternation,
    overlapping and embedded names, names split by a line break or two spaces or run
    together, and names run into a longer word included."""
    gazetteer = gazetteer_for(PACKS)
    assert gazetteer.names_re is not None and gazetteer.by_head is not None
    names = sorted(set(gazetteer.owners) | set(gazetteer.generic))
    texts = [f"In the {name}'s report, {names[(i * 7) % len(names)]} and x{name}." for i, name in enumerate(names)]
    texts += [f"The {name.replace(' ', spaces)} and {name}s said, as {name}-led {name}" for name in names
              for spaces in ("\n", "  ", "")]
    texts.append(" ".join(names))
    found = 0
    for text in texts:
        expected = [(m.start(), m.end(), m.group()) for m in gazetteer.names_re.finditer(text)]
        assert [(h.start, h.end, h.text) for h in gazetteer.institutions(text)] == expected, text
        found += len(expected)
    assert found >= 3 * len(names)


def test_language_names_come_from_the_iso_639_table() -> None:
    """Every source language a pack names reads as a word in messages, not a code."""
    assert [language_name(c) for c in ("cs", "uk", "el", "zh")] == ["Czech", "Ukrainian", "Greek", "Chinese"]
    assert language_name("xx") == "xx"


def test_a_false_friend_that_a_collocation_entry_names_is_not_a_foreign_word(lint_corpus: CorpusFactory) -> None:
    """'precises' is a false friend (French préciser) that NL504 names with what to write, not
    a Catalan word left untranslated: one finding, NL504's."""
    text = article("The road stays closed for a week, precises the communique of the prefecture.")
    found = lint_corpus({"a.txt": text}, select=("NL512", "NL504"))
    assert [(d.code, d.text) for d in found] == [("NL504", "precises")]
