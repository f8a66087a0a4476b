"""NL505 locale-spelling and NL506 abbreviation-form on texts that are not the seeds."""

from __future__ import annotations

from pathlib import Path

from lint.features.vocab import LocaleTable
from lint.packs import load_packs
from tests.conftest import CorpusFactory

HEADLINE = "Budget talks resume in the capital as deadline nears\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def texts(diagnostics: list, code: str) -> list[str]:  # type: ignore[type-arg]
    return [d.text for d in diagnostics if d.code == code]


def test_a_weekday_without_on_is_american_only_after_a_verb() -> None:
    """"the depot reopened Wednesday" is North American; "rain forecast for Wednesday" and "her
    Monday briefing" are every locale's."""
    table = LocaleTable(load_packs())

    def weekday_votes(text: str) -> int:
        return sum(count for name, count, _ in table.convention_votes(text) if name == "weekday without on")

    assert weekday_votes("The depot reopened Wednesday after the storm.") == 1
    assert weekday_votes("Heavy rain is forecast for Wednesday, and the talks resume in Monday's session "
                         "at her Friday briefing.") == 0


def test_configured_locale_flags_other_spelling(lint_corpus: CorpusFactory) -> None:
    text = article(
        "The federal labor minister said on Friday that the province would keep its training centre open.",
    )
    diagnostics = lint_corpus({"a.txt": text}, select="NL505", locale="en-CA")
    assert texts(diagnostics, "NL505") == ["labor"]
    assert diagnostics[0].suggestion == "labour"


def test_foreign_titles_and_names_are_not_flagged(lint_corpus: CorpusFactory) -> None:
    text = article(
        "He spoke with U.S. Secretary of Labor Julie Su and officials of the Department of Labor.",
        "Labor Secretary Julie Su said the U.S. labor market would grow again next year, officials said.",
        "The American Federation of Labor and the World Trade Center were mentioned in the report.",
        "“Our labor is honest,” the American union leader told reporters at the briefing on Tuesday afternoon.",
    )
    assert texts(lint_corpus({"a.txt": text}, select="NL505", locale="en-CA"), "NL505") == []


def test_corpus_majority_decides_without_config(lint_corpus: CorpusFactory) -> None:
    british = article(
        "The programme will centre on the colour of the new uniforms, the organisers said after they travelled home.",
        "Critics said the defence of the plan was weak and that the council had cancelled two meetings.",
    )
    odd = article("The council said the color of the new uniforms had not been chosen yet by the committee.")
    diagnostics = lint_corpus({"a.txt": british, "b.txt": british, "c.txt": odd}, select="NL505")
    flagged = [(d.path.rsplit("/", 1)[-1], d.text, d.suggestion) for d in diagnostics if d.code == "NL505"]
    assert flagged == [("c.txt", "color", "colour")]


def test_american_majority_keeps_american_spelling(lint_corpus: CorpusFactory) -> None:
    american = article(
        "The program will center on the color of the new uniforms, the organizers said after they traveled home.",
        "Critics said the defense of the plan was weak and that the council had canceled two meetings.",
    )
    odd = article("The council said the color of the new uniforms had been analyzed by the committee.")
    diagnostics = lint_corpus({"a.txt": american, "b.txt": american, "c.txt": odd}, select="NL505")
    assert texts(diagnostics, "NL505") == []


def test_small_or_split_vote_reports_nothing(lint_corpus: CorpusFactory) -> None:
    text = article("The council said the color of the new uniforms and the colour of the flags would match.")
    assert texts(lint_corpus({"a.txt": text}, select="NL505"), "NL505") == []


def test_oxford_ize_is_accepted_in_british_text(lint_corpus: CorpusFactory) -> None:
    text = article(
        "The organizers said they had analyzed the results and would organize a second vote in the autumn.",
    )
    diagnostics = lint_corpus({"a.txt": text}, select="NL505", locale="en-GB")
    assert texts(diagnostics, "NL505") == ["analyzed"]
    assert diagnostics[0].suggestion == "analysed"


def test_locale_table_expands_families() -> None:
    table = LocaleTable(load_packs())
    assert table.forms["neighbourhoods"].accepted == {
        "en-GB", "en-CA", "en-AU", "en-IN", "en-IE", "en-NZ", "en-ZA"}
    assert table.forms["neighborhoods"].instead["en-CA"] == "neighbourhoods"
    assert table.forms["travelled"].instead["en-US"] == "traveled"
    assert "en-GB" in table.forms["organize"].accepted


def test_abbreviation_missing_final_period(lint_corpus: CorpusFactory) -> None:
    text = article(
        "The U.K. government said the talks would resume, and U.K officials confirmed it on Monday evening.",
        "A spokesman for J.K. Rowling said J.K Rowling had not been consulted about the new adaptation.",
    )
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL506") if d.code == "NL506"]
    assert [d.text for d in diagnostics] == ["U.K", "J.K"]
    assert diagnostics[0].suggestion == "U.K." and diagnostics[0].fix is not None and diagnostics[0].fix.safe


def test_abbreviation_without_full_form_in_article(lint_corpus: CorpusFactory) -> None:
    text = article(
        "U.K officials confirmed the talks would resume, while the US and EU delegations stayed at home.",
    )
    other = article("The U.K. government said the talks would resume later this week in the capital city.")
    assert texts(lint_corpus({"a.txt": text, "b.txt": other}, select="NL506"), "NL506") == []


def test_capitalized_common_word_at_sentence_start_is_checked(lint_corpus: CorpusFactory) -> None:
    text = (
        "Labor Minister Says Plant Will Stay Open\n\n"
        "Labor minister Dana Whitcombe said on Friday that the plant would stay open until 2026.\n"
    )
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL505", locale="en-CA") if d.code == "NL505"]
    assert [(d.line, d.text, d.suggestion) for d in diagnostics] == [(3, "Labor", "Labour")]


# ---------------------------------------------------------------- each article's own locale


def locale_findings(lint_corpus: CorpusFactory, files: dict[str, str], **kwargs: object) -> list[tuple[str, str, str]]:
    return [(d.path.rsplit("/", 1)[-1], d.text, d.severity.name)
            for d in lint_corpus(files, select="NL505", **kwargs) if d.code == "NL505"]


BRITISH = article(
    "The programme will centre on the harbour, the organisers said on 9 June, and 40 per cent of the "
    "budget goes to the theatre.",
    "Visitors travelled from the north, and the colour of the new flags was chosen by the neighbours.",
)
AMERICAN = article(
    "The program will center on the harbor, the organizers said June 9, and 40 percent of the budget "
    "goes to the theater.",
    "Visitors traveled from the north, and the color of the new flags was chosen by the neighbors.",
)


def test_each_article_decides_its_own_locale_in_a_mixed_corpus(lint_corpus: CorpusFactory) -> None:
    odd_british = BRITISH.replace("the colour of", "the color of")
    odd_american = AMERICAN.replace("the theater", "the theatre")
    flagged = locale_findings(lint_corpus, {"a.txt": BRITISH, "b.txt": AMERICAN, "c.txt": odd_british,
                                            "d.txt": odd_american})
    assert sorted(flagged) == [("c.txt", "color", "WARNING"), ("d.txt", "theatre", "WARNING")]


def test_consistent_articles_in_every_locale_are_quiet(lint_corpus: CorpusFactory) -> None:
    indian = article("The fair drew 3.2 lakh visitors and the state released 480 crore rupees for "
                     "the programme, officials said on 3 July.", "The neighbouring districts were organised into zones.")
    australian = article("The program will centre on the harbour, and 30 per cent of the funds go to the "
                         "organisers' theatre, the council said on 2 March.")
    canadian = AMERICAN.replace("harbor", "harbour").replace("neighbors", "neighbours").replace(
        "color", "colour").replace("center", "centre").replace("theater", "theatre").replace(
        "percent", "per cent").replace("traveled", "travelled")
    files = {"gb.txt": BRITISH, "us.txt": AMERICAN, "in.txt": indian, "au.txt": australian, "ca.txt": canadian}
    assert locale_findings(lint_corpus, files) == []


def test_the_message_counts_the_other_form_in_the_article(lint_corpus: CorpusFactory) -> None:
    text = article("The colour of the boats and the colour of the flags matched, and the color of the "
                   "sails did not, the organisers said on 3 May.")
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL505") if d.code == "NL505"]
    assert [d.text for d in diagnostics] == ["color"]
    assert "writes 'colour' 2 times" in diagnostics[0].message


def test_a_quotation_and_official_names_keep_their_spelling(lint_corpus: CorpusFactory) -> None:
    text = AMERICAN + (
        "\n“The Centre will honour every pledge to the coast,” the ministry said.\n\n"
        "The Pan American Health Organization and the Labour Party of Britain sent help.\n"
    )
    assert locale_findings(lint_corpus, {"a.txt": text}) == []


def test_a_name_of_the_article_country_in_another_locale_spelling(lint_corpus: CorpusFactory) -> None:
    text = ("Bushfire crews reach the coast\n\nSYDNEY, Australia — The Australian Defense Force sent "
            "helicopters to New South Wales on Monday, and the Australian Labor Party praised the crews.\n\n"
            "Crews from Queensland and Victoria joined them near Newcastle and Wollongong.\n")
    flagged = [(d.text, d.suggestion) for d in lint_corpus({"a.txt": text}, select="NL505") if d.code == "NL505"]
    assert flagged == [("Defense", "Defence")]


def test_a_mixed_article_about_a_british_town_leans_british(lint_corpus: CorpusFactory) -> None:
    text = (
        "Harbour repairs begin in Falmouth\n\n"
        "FALMOUTH, England — Work began on Monday on the harbour wall and the town centre "
        "promenade, part of a programme the council approved in May.\n\n"
        "Engineers analyzed the storm damage and said the neighborhood near the center of the "
        "quay would stay closed until the labor on the wall is done.\n"
    )
    found = texts(lint_corpus({"a.txt": text}, select="NL505"), "NL505")
    assert set(found) == {"analyzed", "neighborhood", "center", "labor"}


def test_a_consistent_american_article_about_london_is_quiet(lint_corpus: CorpusFactory) -> None:
    text = (
        "Museum reopens in London\n\n"
        "LONDON, England — The museum reopened on Monday after a two-year renovation of its "
        "center hall, the director said.\n\n"
        "Visitors lined up before the doors opened, and the gift shop sold out of its catalog "
        "by noon.\n"
    )
    assert texts(lint_corpus({"a.txt": text}, select="NL505"), "NL505") == []


def test_metres_in_american_text_but_not_meters_in_british_text(lint_corpus: CorpusFactory) -> None:
    """"metre" is British only; British "meter" is also the measuring device (a gas meter)."""
    american = article("The health center said the neighboring village was cleared on October 4. "
                       "The fence stands 300 metres from the houses, the defense ministry said.")
    british = article("The colour of the theatre was grey, the centre said on 3 March. "
                      "Engineers read the gas meters and the water meter every fortnight.")
    found = lint_corpus({"a.txt": american, "b.txt": british}, select="NL505")
    assert [(Path(d.path).name, d.text, d.suggestion) for d in found] == [("a.txt", "metres", "meters")]
    # a unit's spelling does not vote: it cannot tip a mixed article against its other spellings
    mixed = article("The clinic opened on 3 March, 200 metres from the river. "
                    "Two health centers in the valley stay closed, officials said.")
    assert [d for d in lint_corpus({"m.txt": mixed}, select="NL505")
            if Path(d.path).name == "m.txt" and str(d.severity) != "info"] == []
