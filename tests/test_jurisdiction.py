"""NL502 wrong-jurisdiction on texts that are not the seeds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lint.packs import load_pack, load_packs
from lint.rules.jurisdiction import Gazetteer, misplaced
from tests.conftest import CorpusFactory

G20 = ("AR", "AU", "BR", "CA", "CN", "DE", "FR", "GB", "ID", "IN", "IT", "JP", "KR", "MX", "RU",
       "SA", "TR", "US", "ZA")
ROLES = ("defence", "foreign", "interior", "police", "intelligence", "central_bank", "legislature",
         "court", "statistics", "health", "finance", "justice")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_packs(load_packs())


def flagged(gazetteer: Gazetteer, line: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.country.code, m.suggestion) for m in misplaced(gazetteer, line)]


def test_gazetteer_covers_the_g20_and_the_main_roles(gazetteer: Gazetteer) -> None:
    for code in G20:
        country = gazetteer.countries[code]
        missing = [role for role in ROLES if role not in country.roles]
        assert len(missing) <= 1, (code, missing)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Australia's Federal Emergency Management Agency said visas would be checked at the airports.",
         [("Federal Emergency Management Agency", "AU", "Department of Home Affairs")]),
        ("The Department of the Interior in Australia said troops on the peacekeeping rotation would return.",
         [("Department of the Interior", "AU", "Department of Defence")]),
        ("Russia's CIA said the spy had been exposed years ago.",
         [("CIA", "RU", "Federal Security Service")]),
        ("Agents of the FBI in Britain arrested two men on Friday.",
         [("FBI", "GB", "Metropolitan Police")]),
        ("The British Congress voted on the bill late on Tuesday.",
         [("Congress", "GB", "Parliament")]),
        ("Officials at the German Crown Prosecution Service declined to comment.",
         [("Crown Prosecution Service", "DE", "Federal Prosecutor's Office")]),
        ("The U.S. Ministry of Defense said the drills were routine.",
         [("Ministry of Defense", "US", "Department of Defense")]),
        ("Canada’s Interior Ministry issued a warning about the storm.",
         [("Interior Ministry", "CA", "Public Safety Canada")]),
        ("India's Bundestag debated the treaty for hours.",
         [("Bundestag", "IN", "Parliament")]),
        ("The Bank of England of Japan raised rates.",
         [("Bank of England", "JP", "Bank of Japan")]),
    ],
)
def test_foreign_institution_in_explicit_context_fires(
    gazetteer: Gazetteer, line: str, expected: list[tuple[str, str, str]]
) -> None:
    assert flagged(gazetteer, line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The U.S. Federal Emergency Management Agency said it would review the case.",
        "Canada asked the Federal Emergency Management Agency for details, Ottawa said.",
        "Australia's Department of Defence confirmed the deployment.",
        "Germany's Defence Ministry and Japan's Foreign Ministry issued a joint statement.",
        "The Bank of England in London kept rates on hold.",
        "The Federal Reserve in Washington and the Bank of Canada in Ottawa both cut rates.",
        "Canada's House of Commons and the British House of Commons share a name.",
        "The Department of Justice in Canada reviewed the extradition request.",
        "New Mexico's Department of Homeland Security and Emergency Management said the roads are closed.",
        "Latin America's central banks met in Mexico City.",
        "RCMP officers met the FBI and MI5 at the conference.",
        "The Pentagon said U.S. Defense Secretary Lloyd Austin would travel to Seoul.",
        "Brazil's Federal Police and Germany's Federal Police signed an agreement.",
        "Canada's Justice Department and the French Foreign Office replied within the hour.",
        "The CIA in Russia and the Royal Navy in Japan were mentioned in the leaked cables.",
    ],
)
def test_own_or_unplaced_institutions_do_not_fire(gazetteer: Gazetteer, line: str) -> None:
    assert flagged(gazetteer, line) == []


def test_rule_reports_span_suggestion_and_fix(lint_corpus: CorpusFactory) -> None:
    text = (
        "Border checks tightened after the storm\n\n"
        "The Federal Emergency Management Agency in Australia said border officers would check every visa "
        "at the airports this week.\n\n"
        "Australia's Department of Home Affairs later confirmed the checks.\n"
    )
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL502") if d.code == "NL502"]
    assert [(d.line, d.text, d.suggestion) for d in diagnostics] == [
        (3, "Federal Emergency Management Agency", "Department of Home Affairs")
    ]
    (diagnostic,) = diagnostics
    assert "the United States'" in diagnostic.message and "not Australia's" in diagnostic.message
    assert diagnostic.fix is not None and not diagnostic.fix.safe


def test_a_user_pack_adds_a_country(tmp_path: Path) -> None:
    pack = tmp_path / "nl.toml"
    pack.write_text(
        '[pack]\nname = "netherlands"\n\n'
        '[institutions.countries.NL]\nname = "the Netherlands"\n'
        'aliases = ["Netherlands", "The Hague"]\ndemonyms = ["Dutch"]\ngeneric_names = true\n'
        '[institutions.countries.NL.roles]\nintelligence = ["General Intelligence and Security Service", "AIVD"]\n',
        encoding="utf-8",
    )
    gazetteer = Gazetteer.from_packs([*load_packs(), load_pack(pack)])
    assert flagged(gazetteer, "The Dutch CIA said the threat level was unchanged.") == [
        ("CIA", "NL", "General Intelligence and Security Service")
    ]
    assert flagged(gazetteer, "The Dutch AIVD said the threat level was unchanged.") == []


# ---------------------------------------------------------------- the article's own country


def _article(dateline: str, *paragraphs: str) -> str:
    return "Storm cuts power to thousands\n\n" + dateline + "\n\n".join(paragraphs) + "\n"


def _nl502(lint_corpus: CorpusFactory, text: str) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.suggestion, d.severity.name) for d in lint_corpus({"a.txt": text}, select="NL502")
            if d.code == "NL502"]


def test_foreign_body_in_a_role_the_article_country_fills_is_reported(lint_corpus: CorpusFactory) -> None:
    text = _article(
        "SAPPORO, Japan — Heavy snow closed roads across Hokkaido on Monday. ",
        "The Bureau of Meteorology forecast more snow for the next three days.",
        "The prefecture sent 40 ploughs to clear the roads near Sapporo and Otaru.",
    )
    assert _nl502(lint_corpus, text) == [
        ("Bureau of Meteorology", "Japan Meteorological Agency", "WARNING")]


def test_a_foreign_body_in_a_role_the_pack_does_not_list_for_the_country_is_reported(
    lint_corpus: CorpusFactory,
) -> None:
    """The pack lists no national disaster agency for the Netherlands (its safety regions do
    the work), yet a name only the United States uses is still no Dutch body: reported without
    a suggestion; info when the article names the owner country anywhere."""
    dateline = "ROTTERDAM, Netherlands — River water flooded two polders near Dordrecht on Monday. "
    closing = "The municipality sent 30 pumps to drain the fields near Dordrecht and Zwijndrecht."
    text = _article(dateline, "The Federal Emergency Management Agency opened four shelters for residents.", closing)
    assert _nl502(lint_corpus, text) == [("Federal Emergency Management Agency", None, "WARNING")]
    aside = "Engineers from the United States visited the dikes last year."
    text = _article(dateline, "The Federal Emergency Management Agency opened four shelters for residents.", closing, aside)
    assert _nl502(lint_corpus, text) == [("Federal Emergency Management Agency", None, "INFO")]
    text = _article(dateline, "The U.S. Federal Emergency Management Agency sent two experts to advise.", closing)
    assert _nl502(lint_corpus, text) == []


def test_foreign_body_named_as_foreign_stays_quiet(lint_corpus: CorpusFactory) -> None:
    for paragraph in (
        "Australia's Bureau of Meteorology said the cold front would reach Hokkaido later.",
        "Australian forecasters at the Bureau of Meteorology said the cold front would weaken.",
        "Canberra offered help, and the Bureau of Meteorology shared its satellite images.",
    ):
        text = _article("SAPPORO, Japan — Heavy snow closed roads across Hokkaido on Monday. ", paragraph,
                        "The prefecture sent 40 ploughs to clear the roads near Sapporo and Otaru.")
        assert _nl502(lint_corpus, text) == [], paragraph


def test_a_body_introduced_as_foreign_may_be_named_bare_later(lint_corpus: CorpusFactory) -> None:
    text = _article(
        "SAPPORO, Japan — Ski resorts opened early in Hokkaido on Tuesday. ",
        "Australia's Bureau of Meteorology said the cold would last until the weekend.",
        "The Bureau of Meteorology also warned of snow in the hills near Niseko and Furano.",
    )
    assert _nl502(lint_corpus, text) == []


def test_own_institutions_and_famous_bodies_are_not_reported(lint_corpus: CorpusFactory) -> None:
    text = _article(
        "LIMA, Peru — Silver prices rose on Monday as the fishing season opened late. ",
        "The Ministry of Energy and Mines said the auction would resume, and the Central Reserve Bank of Peru kept rates on hold.",
        "Traders said the Federal Reserve would decide on rates next week, which weighed on the sol.",
    )
    assert _nl502(lint_corpus, text) == []


def test_a_statistics_office_by_its_literal_english_name_is_not_another_country_s(
    lint_corpus: CorpusFactory,
) -> None:
    """"National Institute of Statistics" is the literal English of the office of dozens of
    countries (Italy's, Romania's, Bolivia's...): one country owning it in the pack does not
    make it foreign in an article about another."""
    for name in ("National Institute of Statistics", "National Statistical Institute",
                 "Central Bureau of Statistics"):
        text = _article(
            "ROME, Italy — Factory output fell for a third month in a row in March. ",
            f"The {name} said output was 2.1% lower than a year earlier.",
            "Economists in Milan had expected a smaller fall after a mild winter.",
        )
        assert _nl502(lint_corpus, text) == [], name


def test_a_foreign_body_in_a_country_the_pack_does_not_list_is_info_without_a_suggestion(
    lint_corpus: CorpusFactory,
) -> None:
    """Uruguay's own prosecutors are not in the pack, but the Crown Prosecution Service is
    Britain's: in an article about Uruguay that says nothing of Britain, it is reported, weakly."""
    text = _article(
        "MONTEVIDEO, Uruguay — Police in Montevideo arrested two men after a bank robbery on Friday. ",
        "The Crown Prosecution Service said the men would be charged on Monday.",
    )
    assert _nl502(lint_corpus, text) == [("Crown Prosecution Service", None, "INFO")]
    foreign = text.replace("The Crown Prosecution Service", "Britain's Crown Prosecution Service")
    assert _nl502(lint_corpus, foreign) == []
    shared = text.replace("The Crown Prosecution Service said", "The Court of Appeal ruled")
    assert _nl502(lint_corpus, shared) == []  # a name many countries use: maybe Uruguay's own


def test_no_article_country_no_article_finding(lint_corpus: CorpusFactory) -> None:
    text = "Markets steady\n\nThe Bureau of Meteorology forecast a quiet week, traders said on Monday.\n"
    assert _nl502(lint_corpus, text) == []


# ---------------------------------------------------------------- gazetteer and story together


def test_a_body_the_gazetteer_and_the_story_both_place_is_one_finding_with_both(
    lint_corpus: CorpusFactory,
) -> None:
    def told(agency: str, closing: str) -> str:
        return _article(
            "SAPPORO, Japan — Heavy snow closed roads across Hokkaido on Monday. ",
            f"The {agency} forecast another 60 centimetres of snow for Tuesday and Wednesday.",
            f"The prefecture sent 40 ploughs to clear the roads near Sapporo and Otaru. {closing}",
        )

    story = {
        "wire.txt": told("Japan Meteorological Agency", "Schools stayed shut."),
        "daily.txt": told("Japan Meteorological Agency", "Trains ran late."),
        "mt.txt": told("Bureau of Meteorology", "Ferries stayed in port."),
    }
    found = [d for d in lint_corpus(story, select="NL502") if Path(d.path).name == "mt.txt"]
    assert [(d.text, d.suggestion, d.severity.name) for d in found] == [
        ("Bureau of Meteorology", "Japan Meteorological Agency", "WARNING")]
    assert "Australia" in found[0].message  # the gazetteer's evidence
    assert "other articles of the story name 'Japan Meteorological Agency'" in found[0].message
    assert {Path(r.path).name for r in found[0].related} >= {"wire.txt", "daily.txt"}


def test_what_the_story_writes_is_the_suggestion_over_the_gazetteer_guess() -> None:
    from lint.diagnostic import Diagnostic, Related, Severity
    from lint.rules.jurisdiction import with_story_evidence

    def at(message: str, suggestion: str, severity: Severity, related: list[Related]) -> Diagnostic:
        return Diagnostic("mt.txt", 3, 5, 3, 24, "NL502", "wrong-jurisdiction", severity, message,
                          suggestion=suggestion, related=related)

    gazetteer = at("'Board of Trade' is Ruritania's trade body, not Freedonia's; Freedonia's trade "
                   "body is 'Trade Office'", "Trade Office", Severity.WARNING, [])
    story = at("'Board of Trade' where 1 other article of the story names 'Chamber of Commerce'",
               "Chamber of Commerce", Severity.INFO, [Related("wire.txt", 3, 5, "")])
    merged = with_story_evidence(gazetteer, story)
    assert merged.suggestion == "Chamber of Commerce" and merged.severity is Severity.WARNING
    assert "Trade Office" not in merged.message and "Ruritania's trade body" in merged.message
    assert "1 other article of the story names 'Chamber of Commerce' in the same sentence (wire.txt:3)" in merged.message
    elsewhere = dataclasses.replace(story, column=30, end_column=40)  # not the same span
    assert with_story_evidence(gazetteer, elsewhere).suggestion == "Trade Office"


def test_a_foreign_prosecutor_or_environmental_agency_is_reported(lint_corpus: CorpusFactory) -> None:
    """A translation gives a Polish town's prosecutor the U.S. district attorney, and its
    environmental inspectorate the U.S. agency."""
    text = _article(
        "KOSZALIN, Poland — A warehouse of paints burned for six hours near Koszalin on Friday. ",
        "The district attorney's office opened an investigation into possible negligence.",
        "The Environmental Protection Agency said its samples showed no toxic emissions.",
    )
    assert _nl502(lint_corpus, text) == [
        ("district attorney's office", "prosecutor's office", "WARNING"),
        ("Environmental Protection Agency", "Chief Inspectorate of Environmental Protection", "WARNING"),
    ]


def test_a_country_s_own_prosecutor_and_environmental_agency_are_quiet(lint_corpus: CorpusFactory) -> None:
    american = _article(
        "DENVER — A warehouse of paints burned for six hours near Denver on Friday. ",
        "The district attorney's office opened an investigation into possible negligence.",
        "The Environmental Protection Agency said its samples showed no toxic emissions.",
    )
    irish = _article(
        "CORK, Ireland — A warehouse of paints burned for six hours near Cork on Friday. ",
        "The Director of Public Prosecutions will decide on charges, gardaí said.",
        "The Environmental Protection Agency said its samples showed no toxic emissions.",
    )
    # names many countries' prosecutors share stay quiet anywhere
    mexican = _article(
        "CULIACÁN, Mexico — A warehouse of paints burned for six hours near Culiacán on Friday. ",
        "The state Fiscalía and a federal prosecutor opened an investigation into negligence.",
        "The Public Ministry will decide on charges, officials said.",
    )
    british = _article(
        "LEEDS, England — A warehouse of paints burned for six hours near Leeds on Friday. ",
        "The Director of Public Prosecutions will decide on charges, police said.",
    )
    for text in (american, irish, mexican, british):
        assert _nl502(lint_corpus, text) == [], text


# One invented story told by three outlets: a rate cut in Peru. The translated copy names the
# United States' central bank where the others name Peru's.
RATE_WIRE = """Peru's central bank trims its key rate as inflation eases

LIMA, Peru, Aug. 7 (Andes Wire) - Peru's central bank cut its benchmark interest rate by a quarter point to 4.25% on Thursday, as inflation slowed for a fourth month.

The board of the Central Reserve Bank of Peru voted unanimously for the cut, the bank said in a statement.

Traders in Lima said the sol weakened slightly after the decision.
"""
RATE_OUTLET = """Peru lowers interest rate to 4.25%

By Lucia Quispe

LIMA, Peru - Peru cut its main interest rate by 25 basis points to 4.25% on Thursday after inflation slowed again.

The board of the Central Reserve Bank of Peru voted unanimously for the cut, according to a statement from the bank.

The sol weakened slightly against the dollar in Lima trading.
"""
RATE_TRANSLATED = """The central bank of Peru lowers the rate to 4.25%

LIMA, Peru - The central bank of Peru lowered on Thursday its reference rate in a quarter point to 4.25%, since the inflation slowed for the fourth month.

The board of the Federal Reserve voted unanimously in favour of the cut, the bank said in a statement.

The sol weakened slightly after the decision, said traders in Lima.
"""


def test_a_famous_foreign_body_where_the_story_names_the_country_s_own_is_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """"Federal Reserve" needs explicit context on its own (an article about Peru may well
    mention the Fed), but where the other outlets name Peru's central bank in the same
    sentence, and the gazetteer says the name is the United States' central bank, two kinds of
    evidence agree: a warning, even with one sibling, and the gazetteer's reading in the
    message."""
    for siblings in ({"wire.txt": RATE_WIRE, "outlet.txt": RATE_OUTLET}, {"wire.txt": RATE_WIRE}):
        found = [d for d in lint_corpus({**siblings, "mt.txt": RATE_TRANSLATED}, select="NL502")
                 if d.code == "NL502"]
        assert [(Path(d.path).name, d.text, d.suggestion, d.severity.name) for d in found] == [
            ("mt.txt", "Federal Reserve", "Central Reserve Bank of Peru", "WARNING")], siblings
        assert "the United States' central bank, not Peru's" in found[0].message


def test_the_fed_in_a_sentence_of_its_own_is_not_reported(lint_corpus: CorpusFactory) -> None:
    """The same famous name in a sentence no other outlet has (the article's own aside on the
    United States) is no slot of the story."""
    aside = RATE_WIRE.replace(
        "Traders in Lima said the sol weakened slightly after the decision.",
        "Traders in Lima said the sol weakened slightly after the decision. Markets now await "
        "the Federal Reserve, which meets in Washington next week.")
    found = lint_corpus({"wire.txt": aside, "outlet.txt": RATE_OUTLET}, select="NL502")
    assert [d for d in found if d.code == "NL502"] == []


def test_the_article_that_names_its_own_country_s_body_is_not_the_odd_one_out(
    lint_corpus: CorpusFactory,
) -> None:
    """With one sibling naming the United States' central bank, the outlet that names Peru's
    is right: the gazetteer refutes the story's info finding on it, and the sibling's is the
    only one."""
    found = [d for d in lint_corpus({"wire.txt": RATE_WIRE, "mt.txt": RATE_TRANSLATED}, select="NL502")
             if d.code == "NL502"]
    assert [(Path(d.path).name, d.text) for d in found] == [("mt.txt", "Federal Reserve")]


# A translation that lost the dateline: nothing in it says Peru except what the others say.
RATE_UNDATED = """The central bank lowers its rate to 4.25%

The central bank lowered on Thursday its reference rate by a quarter point to 4.25%, since the inflation slowed for the fourth month.

The board voted unanimously for the cut, the bank said in a statement. The National Weather Service expects a dry September, which may lift food prices.

The sol weakened slightly after the decision, said traders.
"""


def test_an_article_that_does_not_say_its_country_takes_its_story_s(lint_corpus: CorpusFactory) -> None:
    """The undated translation names no country; the two other outlets of its story are about
    Peru: a weather service that is not Peru's in it is reported, and the message says where
    the country came from."""
    found = [d for d in lint_corpus({"wire.txt": RATE_WIRE, "outlet.txt": RATE_OUTLET, "mt.txt": RATE_UNDATED},
                                    select="NL502") if d.code == "NL502"]
    assert [(Path(d.path).name, d.text, d.severity.name) for d in found] == [
        ("mt.txt", "National Weather Service", "WARNING")]
    assert "this article's story is about Peru" in found[0].message


def test_an_article_that_does_not_say_its_country_and_has_no_story_is_not_placed(
    lint_corpus: CorpusFactory,
) -> None:
    found = [d for d in lint_corpus({"mt.txt": RATE_UNDATED}, select="NL502") if d.code == "NL502"]
    assert found == []


def test_a_story_s_country_is_the_one_most_of_its_articles_name() -> None:
    from lint.features.story import story_country

    assert story_country(["PE", "PE", "CL"]) == "PE"
    assert story_country(["PE"]) is None  # one article is no majority of a story
    assert story_country(["PE", "PE", "CL", "CL"]) is None
    assert story_country([]) is None


def test_a_story_whose_articles_only_lean_towards_a_country_is_about_it() -> None:
    """Three articles whose evidence leans one way (a headline and a port, too little alone)
    make the story's country; two do not, nor do leans that disagree or an article that names
    another country clearly."""
    from lint.context.country import leaning_country
    from lint.features.story import story_country

    assert leaning_country({"CO": 3.4, "BE": 1.0}) == "CO"
    assert leaning_country({"CO": 3.4, "BE": 3.0}) is None
    assert leaning_country({"CO": 1.5}) is None
    assert story_country([], ["CO", "CO", "CO"]) == "CO"
    assert story_country(["CO"], ["CO", "CO"]) == "CO"
    assert story_country([], ["CO", "CO"]) is None
    assert story_country([], ["CO", "CO", "CO", "PE"]) is None
    assert story_country(["PE"], ["CO", "CO", "CO"]) is None


BORDER_WIRE = """Queues grow at Ukraine's western border crossings

UZHHOROD, Ukraine, May 4 (Carpathia Wire) - Lorry queues at the Uzhhorod crossing reached 14 kilometres on Sunday, the State Border Guard Service said, as a customs computer system failed for six hours.

The State Border Guard Service said drivers waited up to 30 hours before they could cross into Slovakia.

Officials in Uzhhorod said the system was working again by Sunday evening.
"""
BORDER_OUTLET = """Uzhhorod crossing jammed after customs outage

By Iryna Koval

UZHHOROD, Ukraine - A failure of the customs computers left lorries queuing for 14 kilometres at the Uzhhorod crossing on Sunday, according to Ukrainian officials.

The State Border Guard Service said drivers waited up to 30 hours before they could cross into Slovakia.

The system was restored on Sunday evening, officials in Uzhhorod said.
"""
BORDER_TRANSLATED = """At the Uzhhorod crossing a queue of 14 kilometres

UZHHOROD, Ukraine - The queue of trucks at the Uzhhorod crossing reached 14 kilometres on Sunday, because the customs computer system did not work for six hours.

The State Border Service said drivers waited up to 30 hours before they could cross into Slovakia.

By Sunday evening the system worked again, said officials in Uzhhorod.
"""


def test_two_names_of_one_body_in_one_slot_are_no_finding(lint_corpus: CorpusFactory) -> None:
    """The gazetteer gives Ukraine's border guard two names; a translation that writes the
    other one where the outlets write the first names the same body: no finding."""
    found = [d for d in lint_corpus({"wire.txt": BORDER_WIRE, "outlet.txt": BORDER_OUTLET,
                                     "mt.txt": BORDER_TRANSLATED}, select="NL502") if d.code == "NL502"]
    assert found == []


# A landslide in Colombia: the outlets agree on the agency's name; a translation adds a country.
SLIDE_WIRE = """Landslide buries homes in Colombian mountain town

MANIZALES, Colombia, Oct. 6, 2025 (Cordillera Wire) - A landslide buried 23 homes in the mountain town of Villa Esmeralda on Sunday after a week of heavy rain, Colombian officials said.

Rescue teams from the Disaster Response Unit of Caldas searched the mud for survivors through the night, mayor Teodora Quintero said.

"The hillside came down in seconds," Quintero told reporters at the town hall.

The Mountain Roads Agency closed the highway to Manizales while crews cleared the debris.
"""
SLIDE_OUTLET = """Mud buries 23 homes in Villa Esmeralda

Twenty-three homes were buried when the hillside above Villa Esmeralda gave way on Sunday, officials in Colombia said.

Rescue teams from the Disaster Response Unit of Caldas dug through the mud all night, according to mayor Teodora Quintero.

"The hillside came down in seconds," she said.

The Mountain Roads Agency shut the highway to Manizales while the debris was cleared.
"""
SLIDE_COPY = SLIDE_WIRE.replace("Landslide buries homes", "Deadly landslide buries homes") + "\nRead more stories from Colombia.\n"


def _slide_translated(agency: str) -> str:
    return f"""Landslide buries houses in a mountain town

A landslide buried 23 houses in the town of Villa Esmeralda this Sunday after a week of heavy rains, reported the authorities.

Teams of rescue of the Disaster Response Unit of Caldas searched the mud for survivors during the night, said the mayor Teodora Quintero.

"The hillside came down in seconds," Quintero said to the journalists in the town hall.

{agency} closed the highway to Manizales while the crews cleared the debris.
"""


def _slide(lint_corpus: CorpusFactory, agency: str, *siblings: str) -> list[tuple[str, str | None, str]]:
    files = dict(zip(("wire.txt", "outlet.txt", "copy.txt"), siblings or (SLIDE_WIRE, SLIDE_OUTLET, SLIDE_COPY), strict=False))
    files["mt.txt"] = _slide_translated(agency)
    return [(d.text, d.suggestion, d.severity.name) for d in lint_corpus(files, select="NL502")
            if d.code == "NL502" and Path(d.path).name == "mt.txt"]


def test_a_translation_that_puts_the_story_s_agency_in_another_country_is_reported(
    lint_corpus: CorpusFactory,
) -> None:
    """The outlets agree on 'The Mountain Roads Agency'; the translation writes it 'of
    Ecuador', in a story about Colombia: the name placed in the wrong country."""
    found = _slide(lint_corpus, "The Mountain Roads Agency of Ecuador")
    assert found == [("Mountain Roads Agency of Ecuador", "Mountain Roads Agency", "WARNING")]


def test_a_longer_name_that_names_the_story_s_own_country_or_no_country_is_quiet(
    lint_corpus: CorpusFactory,
) -> None:
    """'of Colombia' and 'National' lengthen the name without moving it."""
    assert _slide(lint_corpus, "The Mountain Roads Agency of Colombia") == []
    assert _slide(lint_corpus, "The National Mountain Roads Agency") == []


def test_one_outlet_against_a_longer_name_is_no_warning(lint_corpus: CorpusFactory) -> None:
    """A single outlet against the translation is no agreement of the story's articles."""
    alone = _slide(lint_corpus, "The Mountain Roads Agency of Ecuador", SLIDE_OUTLET)
    assert not [f for f in alone if f[2] != "INFO"]


def test_and_joins_two_fields_of_one_institution_name_after_the() -> None:
    """"the Food and Drug Administration" is one name; "Ruiz and Health Ministry officials"
    are a person and a body."""
    from lint.story.slots import institution_runs
    from lint.story.text import tokenize

    def runs(text: str) -> list[str]:
        tokens = tokenize(text)
        return [" ".join(t.surface for t in run.tokens(tokens)) for run in institution_runs(text, tokens)]

    assert runs("Officials at the Seed and Soil Inspection Service said so.") == ["Seed and Soil Inspection Service"]
    assert runs("Ruiz and Health Ministry officials met on Monday.") == ["Health Ministry"]
    assert runs("The grants went to Lima and the Water Service.") == ["Water Service"]


def _grain_board(translated: str) -> dict[str, str]:
    line = "\nThe Andean Grain Board said the harvest would come late this year.\n"
    return {"wire.txt": RATE_WIRE + line, "outlet.txt": RATE_OUTLET + line,
            "mt.txt": RATE_TRANSLATED + f"\n{translated}\n"}


def test_a_name_in_another_word_order_that_adds_another_country_is_placed_abroad(
    lint_corpus: CorpusFactory,
) -> None:
    """The others write "Andean Grain Board"; the translation reorders the name and adds a
    country that is not the article's: the institution is placed abroad. Adding the article's
    own country only makes a fuller name."""
    abroad = "The Board of Andean Grain of Chile said the harvest would come late this year."
    found = [d for d in lint_corpus(_grain_board(abroad), select="NL502") if d.text.startswith("Board")]
    assert [(d.text, d.suggestion, d.severity.name) for d in found] == [
        ("Board of Andean Grain of Chile", "Andean Grain Board", "WARNING")]
    assert "places the institution in Chile, but the article is about Peru" in found[0].message
    home = abroad.replace("of Chile", "of Peru")
    assert not [d for d in lint_corpus(_grain_board(home), select="NL502") if d.text.startswith("Board")]


# An invented story in a country the gazetteer does not list (Ghana): a cargo ship aground.
AGROUND_WIRE = """Cargo ship runs aground off Ghana, crew rescued

TEMA, Ghana, Oct. 2 (Gulf Coast Wire) - A cargo ship ran aground near the port of Tema on Wednesday, and the Ghana Navy rescued all 12 crew members, port officials said.

The vessel was carrying cement from Lagos when its engine failed in heavy swell.

Salvage teams expect to refloat the ship within a week.
"""
AGROUND_TRANSLATED = """Cargo ship aground near Tema, the crew saved

TEMA, Ghana - A cargo ship ran aground close to the port of Tema on Wednesday, and the Maritime and Coastguard Agency rescued all 12 crew members, according to port officials.

The ship transported cement from Lagos when its engine failed in the strong swell.

The salvage teams count on refloating the ship within one week.
"""


def test_a_foreign_body_where_the_story_names_one_of_the_article_s_own_country_is_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """Ghana is not in the gazetteer, so a British body in a Ghanaian article is only info by
    itself; where the other outlet names a body by Ghana's own name in the same sentence, the
    two kinds of evidence agree: a warning."""
    found = [d for d in lint_corpus({"wire.txt": AGROUND_WIRE, "mt.txt": AGROUND_TRANSLATED}, select="NL502")
             if d.code == "NL502"]
    assert [(Path(d.path).name, d.text, d.suggestion, d.severity.name) for d in found] == [
        ("mt.txt", "Maritime and Coastguard Agency", "Ghana Navy", "WARNING")]


def test_a_foreign_body_where_the_story_names_a_body_of_no_country_stays_info(
    lint_corpus: CorpusFactory,
) -> None:
    """Where the other outlet writes "the navy", nothing says whose: the gazetteer's reading
    stays the only evidence of the article's country, and info."""
    wire = AGROUND_WIRE.replace("the Ghana Navy rescued", "the navy rescued")
    found = [d for d in lint_corpus({"wire.txt": wire, "mt.txt": AGROUND_TRANSLATED}, select="NL502")
             if d.code == "NL502"]
    assert [(d.text, d.severity.name) for d in found] == [("Maritime and Coastguard Agency", "INFO")]


# Two more outlets of the rate story that name other bodies in the board's sentence: the
# witnesses no longer agree which body voted, but none names the United States' central bank.
RATE_THIRD = """Peru trims interest rate to 4.25%

LIMA, Peru - Peru's central bank lowered its policy rate by a quarter of a point to 4.25% on Thursday as price growth eased for a fourth month.

The board of the Ministry of Finance voted unanimously for the cut, the bank said in a statement.

Traders in Lima saw the sol weaken a little after the decision.
"""
RATE_FOURTH = """Peru cuts benchmark rate as inflation cools

LIMA, Peru - Peru cut its reference interest rate by 25 basis points to 4.25% on Thursday after inflation slowed for the fourth month running.

The board of the Ministry of Economy voted unanimously for the cut, the bank said in a statement.

The sol slipped slightly in Lima trading after the announcement.
"""


def test_a_famous_foreign_body_where_the_witnesses_disagree_among_themselves_is_still_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """Four witnesses name three bodies in the sentence, none the article's "Federal Reserve":
    the vote alone has nothing to say, but the gazetteer gives the name to the United States
    only and the body most witnesses name to Peru, for the same role."""
    story = {"wire.txt": RATE_WIRE, "outlet.txt": RATE_OUTLET, "third.txt": RATE_THIRD,
             "fourth.txt": RATE_FOURTH, "mt.txt": RATE_TRANSLATED}
    found = [d for d in lint_corpus(story, select="NL502") if d.code == "NL502" and Path(d.path).name == "mt.txt"]
    assert [(d.text, d.suggestion, d.severity.name) for d in found] == [
        ("Federal Reserve", "Central Reserve Bank of Peru", "WARNING")]
    assert "no other article of the story names it" in found[0].message


def test_a_body_the_witnesses_disagree_on_with_no_foreign_owner_is_not_reported(lint_corpus: CorpusFactory) -> None:
    """The same split around a body the gazetteer does not place abroad ("Monetary Board"):
    independent outlets name one body in several ways, and nothing says this one is wrong."""
    story = {"wire.txt": RATE_WIRE, "outlet.txt": RATE_OUTLET, "third.txt": RATE_THIRD,
             "fourth.txt": RATE_FOURTH, "mt.txt": RATE_TRANSLATED.replace("Federal Reserve", "Monetary Board")}
    found = [d for d in lint_corpus(story, select="NL502") if d.code == "NL502" and Path(d.path).name == "mt.txt"]
    assert found == []


# An invented story whose articles only lean towards Chile (its name in the headline, a Chilean
# body in the text, no dateline).
def _seizure(body: str) -> str:
    return ("Chile seizes cocaine hidden in a fruit shipment\n\n"
            f"Customs officers found 3 tonnes of cocaine in a container of grapes at the port, "
            f"{body} said on Thursday.\n\n"
            "The shipment was bound for Rotterdam, investigators said.\n")


def test_a_story_whose_articles_lean_towards_a_country_places_a_foreign_body(lint_corpus: CorpusFactory) -> None:
    """No article says its country clearly enough alone, but the three that name Chile's
    Investigations Police lean towards Chile: the translation that names the United States'
    Federal Bureau of Investigation there is told so, and how the story's country was found."""
    story = {f"{n}.txt": _seizure("the Investigations Police") for n in ("a", "b", "c")}
    story["mt.txt"] = _seizure("the Federal Bureau of Investigation")
    found = [d for d in lint_corpus(story, select="NL502") if d.code == "NL502"]
    assert [(Path(d.path).name, d.text, d.severity.name) for d in found] == [
        ("mt.txt", "Federal Bureau of Investigation", "WARNING")]
    assert "story is about Chile, its articles' places and names point there" in found[0].message
