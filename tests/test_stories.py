"""The story layer: stories, alignment and each odd-one-out finding, on an invented story told
by several outlets (never text of the measuring corpora)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.diagnostic import Diagnostic
from lint.story.align import Place, StoryDoc, align_story
from lint.story.cluster import StorySettings, group_stories
from lint.story.evidence import vote
from lint.story.figures import extract_figures
from lint.story.people import same_person, surname_by_meaning
from lint.story.text import Sentence, tokenize
from tests.conftest import CorpusFactory

# Four outlets tell one invented story: tap water contaminated in the town of Ellesmere Vale.
WIRE = """Ellesmere Vale residents told to boil tap water after contamination

ELLESMERE VALE, March 3, 2025 (Riverline Wire) - Brightwater Utilities told 41,000 households in Ellesmere Vale to boil their tap water on Monday after bacteria were found at the Corran reservoir.

Laboratory tests showed 23 percent of samples above the safe limit, the Clearwater Inspectorate said.

"We will keep the notice in place until every sample comes back clean," chief engineer Rosalind Achterberg said at the Corran pumping station.

Brightwater Utilities is handing out 12,000 litres of bottled water a day from four depots.

Health Minister Odile Marchetti visited the depot at Kinross Lane. "Nobody should have to queue for clean water," she said.

The Clearwater Inspectorate said it would publish the full test results on Friday.
"""

OUTLET_B = """Boil-water notice in Ellesmere Vale as reservoir fails tests

Households across Ellesmere Vale were boiling kettles on Monday after Brightwater Utilities found bacteria in water from the Corran reservoir.

The Clearwater Inspectorate said 23 percent of the laboratory samples were above the safe limit.

"We will keep the notice in place until every sample comes back clean," Rosalind Achterberg, the utility's chief engineer, said at the Corran pumping station.

The utility hands out 12,000 litres of bottled water each day at four depots around the town.

Odile Marchetti, the health minister, went to the Kinross Lane depot and said she was angry about the queues.

The inspectorate promised the full test results by Friday.
"""

OUTLET_C = """Ellesmere Vale water unsafe to drink, utility says

About 41,000 households in Ellesmere Vale must boil tap water, Brightwater Utilities said on Monday, after tests at the Corran reservoir found bacteria.

Of the samples tested, 23 percent were above the safe limit, according to the Clearwater Inspectorate.

Chief engineer Rosalind Achterberg said: "We will keep the notice in place until every sample comes back clean."

Four depots are giving out 12,000 litres of bottled water a day, the company said.

Health Minister Odile Marchetti toured the depot at Kinross Lane. She said nobody should have to queue for clean water.

The Clearwater Inspectorate said it would publish the full test results on Friday.
"""

# The machine-translated outlet, with one artifact of each kind.
TRANSLATED = """Contamination of the tap water in Ellesmere Vale

Since Monday 41,000 households in Ellesmere Vale must boil the tap water, after Brightwater Utilities found bacteria at the Corran reservoir.

According to the Clearwater Inspectorate, 32 percent of samples were above the safe limit.

"We will keep the notice in place until every sample comes back pure," chief engineer Rosalind Achterbergh said at the Corran pumping station.

Brightwater Utilities is handing out 12,000 litres of bottled water a day from four depots.

Health Minister Odile Marchetti visited the depot at Kinross Lane. He said that nobody should have to queue for clean water.

The notice was issued on Tuesday, March 3, according to the utility.
"""

STORY = {"wire.txt": WIRE, "b.txt": OUTLET_B, "c.txt": OUTLET_C, "mt.txt": TRANSLATED}


def names(diagnostics: list[Diagnostic], code: str) -> list[tuple[str, str, str]]:
    return sorted((Path(d.path).name, d.text, str(d.severity)) for d in diagnostics if d.code == code)


# --- units ---------------------------------------------------------------------------------------


def test_articles_of_one_story_group_and_an_unrelated_one_stands_alone() -> None:
    terms = {
        "a": ["brightwater", "ellesmere", "achterberg", "marchetti", "#41000", "corran", "reservoir"],
        "b": ["brightwater", "ellesmere", "achterberg", "marchetti", "corran", "inspectorate"],
        "c": ["brightwater", "ellesmere", "#41000", "achterberg", "corran"],
        "d": ["orchard", "pruning", "harvest", "cider", "#300"],
    }
    assert group_stories(terms) == [["a", "b", "c"]]
    assert group_stories(terms, StorySettings(enabled=False)) == []


def test_a_corpus_of_one_wire_story_and_its_copies_is_one_story() -> None:
    """Copies are one witness of how common a term is: forty sites republishing a wire story
    (every term in every article) do not make its names too common to link."""
    wire = ["kestrelford", "ondaatje-price", "#7400", "floodgate", "culvert", "tannery"]
    terms = {f"copy{n:02}": wire for n in range(40)}
    terms["edited"] = [*wire[:-1], "millrace"]
    stories = group_stories(terms)
    assert stories == [sorted(terms)]
    unrelated = {**{f"u{n:02}": [f"town{n}", f"river{n}", f"#{n}", f"mill{n}"] for n in range(20)},
                 "a": [*wire[:2], "ferry"], "b": [*wire[2:4], "quarry"]}
    assert group_stories(unrelated) == []  # distinct articles sharing two terms stay apart


def test_alike_events_in_two_countries_are_two_stories() -> None:
    """Two wildfires share their words ("wildfire", "hectares", "evacuated", "firefighters"), not
    their event: an article that tells its country joins no story whose articles tell only
    another; an article that tells none joins by its words, and so does one of the same country."""
    fire = ["wildfire", "hectares", "evacuated", "firefighters", "waterbombers", "#1200"]
    terms = {
        "pt1": [*fire, "leiria"], "pt2": [*fire, "leiria"],
        "ar1": [*fire, "chubut"], "ar2": [*fire, "chubut"],
    }
    told = {"pt1": "PT", "pt2": "PT", "ar1": "AR", "ar2": "AR"}
    assert group_stories(terms) == [["ar1", "ar2", "pt1", "pt2"]]
    assert group_stories(terms, countries=told) == [["ar1", "ar2"], ["pt1", "pt2"]]
    untold = {key: country for key, country in told.items() if key != "ar2"}
    assert group_stories(terms, countries=untold) == [["ar1", "ar2"], ["pt1", "pt2"]]


def test_alike_events_of_one_country_that_share_no_figures_are_not_one_story() -> None:
    """Three floods of one week in one country share their words ("embankment", "evacuated",
    the national response force), not their counts: an article with five figures of its own
    that shares fewer than two with every other article tells another event. Articles of one
    flood repeat its figures; one with few figures of its own joins by its words."""
    words = ["embankment", "evacuated", "monsoon", "boats", "rescuers", "response", "villages"]
    terms = {
        "east": [*words, "#38000", "#11", "#140", "#62", "#27", "#4.6"],
        "north": [*words, "#19500", "#4", "#86", "#230", "#16", "#19"],
        "south": [*words, "#62000", "#7", "#315", "#44", "#12", "#8.1"],
    }
    assert group_stories(terms) == []
    terms["east-copy"] = [*words, "#38000", "#11", "#140", "#9", "#31", "#5.2"]
    terms["east-short"] = [*words, "#38000"]
    assert group_stories(terms) == [["east", "east-copy", "east-short"]]
    storms = {  # two-digit numbers that alike events share by chance weigh half
        "first": [*words, "#12", "#14", "#30", "#3100", "#41", "#8.5"],
        "second": [*words, "#12", "#14", "#30", "#12400", "#77", "#2.5"],
    }
    assert group_stories(storms) == []


def test_one_shared_name_and_a_weekday_do_not_make_two_events_one_story() -> None:
    """A national figure quoted in two unrelated stories, both on a Tuesday: the words of one
    name count once and days carry no story, so the two stories stay apart; the articles of
    each story still group."""
    from lint.features.story import rare_terms

    def terms_of(*texts: str) -> tuple[list[str], list[int]]:
        return rare_terms([Sentence(n + 1, 1, 0, text, ()) for n, text in enumerate(texts)])

    national = "On Tuesday Deputy Premier Ilse Marwick promised a review of the rules."
    harbour = ("Dredging of the Saltmere harbour channel stalled after the contractor Kelvaine "
               "Marine walked out.", "Skippers at Saltmere moored their trawlers at the breakwater.")
    orchard = ("Frost destroyed blossom across the Tullow orchards, the growers' cooperative said.",
               "Growers near Tullow lit braziers between the apple rows overnight.")
    docs = {
        "h1": terms_of(*harbour, national), "h2": terms_of(*harbour),
        "o1": terms_of(*orchard, national), "o2": terms_of(*orchard),
    }
    terms = {key: found[0] for key, found in docs.items()}
    units = {key: found[1] for key, found in docs.items()}
    assert "tuesday" not in terms["h1"]
    one = terms["h1"]
    assert units["h1"][one.index("marwick")] == units["h1"][one.index("deputy")]
    assert group_stories(terms, units=units) == [["h1", "h2"], ["o1", "o2"]]
    pair = ("h1", "o1")  # alone, the two share the name, a verb and nothing else
    assert group_stories({k: terms[k] for k in pair}, units={k: units[k] for k in pair}) == []


def test_figures_keep_value_unit_and_scale() -> None:
    tokens = tokenize("a grant of 12 million rand, 3.2 lakh voters, 740 hectares and 64 per cent")
    found = [(f.kind, f.value, f.unit) for f in extract_figures(tokens)]
    assert found == [
        ("amount", 12e6, "rand"), ("count", 3.2e5, "voter"), ("measure", 740.0, "area:hectare"),
        ("percent", 64.0, "%"),
    ]


def test_same_person_admits_round_trip_spellings_and_refuses_other_people() -> None:
    assert same_person(("rosalind", "achterberg"), ("rosalind", "achterbergh"))
    assert same_person(("lee", "min-jun"), ("min-jun", "lee"))
    assert same_person(("ana", "maria", "costa"), ("ana", "costa"))
    assert same_person(("hendri", "wira", "atmaja"), ("hendri", "wiraatmaja"))  # split surname
    assert same_person(("muhammad", "abdel", "rahim"), ("mohamed", "abdel-rahim"))  # and romanized


def test_two_common_given_names_that_share_letters_are_two_people() -> None:
    """"Rachel" and "Michael" share five letters, and both are names people carry: two
    Brennans, not one misspelled; a rare given name one letter from a common one is a slip."""
    assert not same_person(("rachel", "brennan"), ("michael", "brennan"))
    assert same_person(("michael", "brennan"), ("micheal", "brennan"))
    assert same_person(("gerrit", "hoekstra"), ("gerard", "hoekstra"))  # a localized given name


def test_an_east_asian_family_name_in_another_romanization_is_the_same_person() -> None:
    from lint.names.extract import NameData
    from lint.packs import load_packs

    cognates = NameData.from_packs(load_packs()).cognates
    assert same_person(("bak", "seo-yeon"), ("park", "seo-yeon"), cognates)
    assert not same_person(("park", "seo-yeon"), ("park", "ji-hoon"), cognates)  # two Parks
    assert not same_person(("kim", "seo-yeon"), ("park", "seo-yeon"), cognates)
    assert not same_person(("wira", "atmaja"), ("wiraatmaja", "hendri"))
    assert not same_person(("rosalind", "achterberg"), ("petra", "achterberg"))
    assert not same_person(("rosalind", "achterberg"), ("rosalind", "achterberg"))
    # a given and a middle name in common: a surname of another ending is enough
    assert same_person(("ana", "lucia", "pereira"), ("ana", "lucia", "perestelo"))
    assert not same_person(("ana", "pereira"), ("ana", "perestelo"))


def test_a_surname_rendered_by_its_meaning_pairs_only_a_common_word_with_a_rare_one() -> None:
    assert surname_by_meaning(("jadwiga", "kowalczyk"), ("jadwiga", "smith"))
    assert not surname_by_meaning(("jadwiga", "baker"), ("jadwiga", "smith"))  # two English words
    assert not surname_by_meaning(("marta", "kowalczyk"), ("jadwiga", "smith"))
    # a given name is a common word of English text too often ("Ali Khamenei", "Hosseini Khamenei")
    assert not surname_by_meaning(("ali", "ardakani"), ("hosseini", "ardakani"))


def test_identical_sentences_collapse_into_one_node() -> None:
    sentence = Sentence(1, 1, 0, "The reservoir stayed shut for three days while engineers flushed the pipes.")
    docs = [StoryDoc((name, None), [sentence]) for name in ("a", "b", "c")]
    alignment = align_story(docs)
    assert len(alignment.nodes) == 1 and len(alignment.nodes[0].places) == 3


def test_sentences_of_two_locales_pair_up_when_their_spellings_are_folded() -> None:
    """A British and an American outlet share a word spelled two ways: folded, it counts
    towards pairing the sentences (the tokens keep their spelling)."""
    from lint.features.vocab import LocaleTable
    from lint.packs import load_packs

    british = Sentence(1, 1, 0, "The Labour Board summoned the harbour pilots to a hearing.")
    american = Sentence(1, 1, 0, "The Labor Board called the dock pilots to an inquiry at the harbor.")
    docs = [StoryDoc(("gb", None), [british]), StoryDoc(("us", None), [american])]
    spelling = LocaleTable(load_packs()).british_to_american
    assert spelling["labour"] == "labor" and spelling["harbour"] == "harbor"
    assert align_story(docs).counterparts_of(Place(0, 0)) == {}
    paired = align_story(docs, spelling).counterparts_of(Place(0, 0))
    assert list(paired) == [1]
    assert align_story(docs, spelling).tokens(Place(0, 0))[1].norm == "labour"


def _story_docs(*articles: tuple[str, ...]) -> list[StoryDoc]:
    return [StoryDoc((f"d{n}", None), [Sentence(i + 1, 1, 0, text) for i, text in enumerate(sentences)])
            for n, sentences in enumerate(articles)]


HARBOUR_OPENING = "Ferry crews at Pellworth walked out over the new rota for the winter crossings."
HARBOUR_CLOSING = "Skippers moored the idle ferries along the Pellworth breakwater overnight."


def test_a_short_sentence_between_paired_neighbours_pairs_on_two_words() -> None:
    """The sentence whose subject is the changed institution shares only its predicate with
    its counterpart: between paired neighbours, two shared words pair it."""
    docs = _story_docs(
        (HARBOUR_OPENING, "The Maritime Safety Agency said it was reviewing the rota.", HARBOUR_CLOSING),
        (HARBOUR_OPENING, "The Drug Enforcement Administration said it was reviewing the rota.", HARBOUR_CLOSING),
    )
    assert align_story(docs).counterparts_of(Place(1, 1)) == {0: (Place(0, 1), 0.4)}


def test_a_short_sentence_is_not_paired_out_of_place_or_with_a_sentence_already_paired() -> None:
    reviewing = "The Maritime Safety Agency said it was reviewing the rota."
    moved = _story_docs(  # the same words, but not between the neighbours' counterparts
        (HARBOUR_OPENING, reviewing, HARBOUR_CLOSING),
        ("The Drug Enforcement Administration said it was reviewing the rota.", HARBOUR_OPENING, HARBOUR_CLOSING),
    )
    assert align_story(moved).counterparts_of(Place(1, 0)) == {}
    taken = _story_docs(  # the sentence at the place already says the same as another one
        (HARBOUR_OPENING, reviewing, "The agency said the rota review would report by spring.", HARBOUR_CLOSING),
        (HARBOUR_OPENING, "The rota review would report by spring, the agency said.",
         "The Drug Enforcement Administration said it was reviewing the rota.", HARBOUR_CLOSING),
    )
    assert Place(0, 1) not in align_story(taken).counterparts_of(Place(1, 1)).values()


def test_vote_needs_two_independent_siblings_and_counts_copies_once() -> None:
    same = lambda a, b: a == b  # noqa: E731
    assert vote("x", {1: "y", 2: "y"}, same, {}, 0).severity == "warning"
    assert vote("x", {1: "y"}, same, {}, 0).severity == "info"
    assert vote("x", {1: "y", 2: "y"}, same, {1: 1, 2: 1}, 0).severity == "info"  # one wire, two copies
    assert vote("x", {1: "y", 2: "z"}, same, {}, 0).severity == ""  # a split: independent wordings
    assert vote("x", {1: "x", 2: "y"}, same, {}, 0).severity == ""  # as many for this value


# --- findings on the story -----------------------------------------------------------------------


def test_odd_figure_is_fact_drift_and_the_agreeing_outlets_are_quiet(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(STORY, select="NL509")
    assert ("mt.txt", "32 percent", "warning") in names(found, "NL509")
    assert not [d for d in found if Path(d.path).name != "mt.txt" and str(d.severity) != "info"]
    drift = next(d for d in found if d.text == "32 percent")
    assert "23 percent" in drift.message and len(drift.related) >= 2


def _headline_and_body(body_figure: str) -> str:
    headline = "Boil-water notice for 41,000 households in Ellesmere Vale"
    text = TRANSLATED.replace("Contamination of the tap water in Ellesmere Vale", headline)
    return text.replace("Since Monday 41,000 households", f"On Monday {body_figure} households")


def test_a_dropped_zero_is_drift_even_where_the_article_gives_the_right_figure_elsewhere(
    lint_corpus: CorpusFactory,
) -> None:
    """The article contradicts itself the way the siblings contradict it: a power of ten."""
    found = names(lint_corpus({**STORY, "mt.txt": _headline_and_body("4,100")}, select="NL509"), "NL509")
    assert ("mt.txt", "4,100", "warning") in found


def test_another_figure_beside_the_siblings_figure_in_the_article_is_not_drift(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus({**STORY, "mt.txt": _headline_and_body("38,000")}, select="NL509"), "NL509")
    assert not [f for f in found if f[1] == "38,000" and f[2] != "info"]


def test_weekday_that_does_not_match_its_date_is_reported(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus(STORY, select="NL509"), "NL509")
    assert ("mt.txt", "Tuesday, March 3", "warning") in found


def test_name_variant_in_the_same_sentence_is_reported(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(STORY, select="NL401")
    assert [(Path(d.path).name, d.text) for d in found if str(d.severity) != "info"] == [("mt.txt", "Rosalind Achterbergh")]
    assert found[0].suggestion == "Rosalind Achterberg"


def test_pronoun_that_the_other_outlets_contradict(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(STORY, select="NL511")
    assert names(found, "NL511") == [("mt.txt", "He", "warning")]
    assert found[0].suggestion == "She"


# A ban and its appeal, told by three outlets: the sentence before the quotation names the
# footballer first and his agent, the speaker, second.
BAN_OPENING = ("Footballer banned for eight matches after clash with referee\n\n"
               "The league suspended Jonas Perl for eight matches on Thursday after a clash with a "
               "referee in Tallinn.\n\n")
BAN_CLOSING = "\n\nThe Tallinn club has not commented on the suspension of Jonas Perl.\n"


def _ban_story(mt_quote_line: str) -> dict[str, str]:
    quote = '"The club has treated him unfairly and we will fight this,"'
    return {
        "wire.txt": BAN_OPENING + "Jonas Perl will appeal the ban, his agent Marta Ilves told "
                    f"reporters on Friday. {quote} she said." + BAN_CLOSING,
        "b.txt": BAN_OPENING + "Jonas Perl plans to appeal, said his agent, Marta Ilves. "
                 f"{quote} she said." + BAN_CLOSING,
        "mt.txt": BAN_OPENING + "Jonas Perl will appeal the ban, his agent Marta Ilves told "
                  f"reporters on Friday. {mt_quote_line}" + BAN_CLOSING,
    }


def _institution_runs(text: str) -> list[str]:
    from lint.story.slots import institution_runs

    tokens = tokenize(text)
    return [text[tokens[r.first].start : tokens[r.last].end] for r in institution_runs(text, tokens)]


def test_an_institution_named_with_a_list_of_its_fields_is_one_slot() -> None:
    """"Ministry of Land, Infrastructure and Transport" is one body; "Ministry of Defence, Army
    and Navy" three; "Ministry of Health, Kim said" one and a name; a weekday after a connector
    is no part of a name ("the Ministry of Fisheries on Friday")."""
    assert _institution_runs("The Ministry of Land, Infrastructure and Transport said on Monday.") == [
        "Ministry of Land, Infrastructure and Transport"]
    assert _institution_runs("The Ministry of Defence, Army and Navy said on Monday.") == ["Ministry of Defence", "Army and Navy"]
    assert _institution_runs("Officials at the Ministry of Health, Kim said, were told.") == ["Ministry of Health"]
    assert _institution_runs("The figures were published by the Ministry of Fisheries on Friday.") == ["Ministry of Fisheries"]
    assert _institution_runs("The Committee on Foreign Affairs met.") == ["Committee on Foreign Affairs"]


def test_a_name_in_the_other_order_is_reported_as_such_without_its_bare_surname(
    lint_corpus: CorpusFactory,
) -> None:
    """"Ilves Marta" where the siblings agree on "Marta Ilves": the message says the name is
    reordered, and the bare surname elsewhere ("Ilves said") is right in either order."""
    story = _ban_story('"The club has treated him unfairly and we will fight this," Ilves said.')
    story["mt.txt"] = story["mt.txt"].replace("his agent Marta Ilves told", "his agent Ilves Marta told")
    found = [d for d in lint_corpus(story, select="NL401") if d.code == "NL401"]
    assert [(Path(d.path).name, d.text, str(d.severity)) for d in found] == [
        ("mt.txt", "Ilves Marta", "warning")]
    assert "the same name in the other order" in found[0].message


def test_a_river_named_two_ways_is_no_name_variant(lint_corpus: CorpusFactory) -> None:
    """"Pirita River" against "Piritajogi River" is a place named two ways, not a person: not
    NL401's; the agent's name changed in the same article still is."""
    quote = '"The club has treated him unfairly and we will fight this," she said.'
    story = _ban_story(quote)
    for name in story:
        story[name] = story[name].replace("in Tallinn.", "in Tallinn, near the Pirita River.")
    story["mt.txt"] = story["mt.txt"].replace("Pirita River", "Piritajogi River").replace(
        "his agent Marta Ilves told", "his agent Marta Ilvesk told")
    found = [d for d in lint_corpus(story, select="NL401") if d.code == "NL401"]
    assert [(Path(d.path).name, d.text) for d in found] == [("mt.txt", "Marta Ilvesk")]


def test_a_speaker_named_second_is_who_the_pronoun_after_the_quotation_is(
    lint_corpus: CorpusFactory,
) -> None:
    """"'...,' he said" after "Perl will appeal, his agent Marta Ilves told reporters" is the
    agent speaking (the speech verb's subject), not the sentence's first name: the siblings'
    "she" contradicts it."""
    found = lint_corpus(_ban_story('"The club has treated him unfairly and we will fight this," he said.'),
                        select="NL511")
    assert names(found, "NL511") == [("mt.txt", "he", "warning")]
    assert found[0].suggestion == "she"


def test_a_pronoun_that_is_no_speaker_still_continues_the_sentence_s_subject(
    lint_corpus: CorpusFactory,
) -> None:
    """"He was suspended ..." after the same sentence is the footballer (no speech verb after
    the pronoun): no finding, and the agent keeps her pronoun."""
    found = lint_corpus(_ban_story("He was suspended after the referee reported the clash. "
                                   '"The club has treated him unfairly and we will fight this," she said.'),
                        select="NL511")
    assert names(found, "NL511") == []


def _with_spokeswoman(mt_line: str) -> dict[str, str]:
    """The story, each outlet naming the utility's spokeswoman its own way."""
    return {
        "wire.txt": WIRE + "Utility spokeswoman Marit Oyelaran said crews would work through the night.\n",
        "b.txt": OUTLET_B + "Marit Oyelaran, a utility spokeswoman, said crews would work all night.\n",
        "c.txt": OUTLET_C + "Crews would work through the night, said spokeswoman Marit Oyelaran.\n",
        "mt.txt": TRANSLATED + mt_line + "\n",
    }


def test_a_role_noun_of_the_other_gender_is_pronoun_drift(lint_corpus: CorpusFactory) -> None:
    story = _with_spokeswoman("Utility spokesman Marit Oyelaran said that the crews work the whole night.")
    found = [d for d in lint_corpus(story, select="NL511") if d.text == "spokesman"]
    assert [(Path(d.path).name, str(d.severity), d.suggestion) for d in found] == [("mt.txt", "warning", "spokeswoman")]
    assert "as a woman" in found[0].message


def test_a_role_noun_for_someone_else_is_not_pronoun_drift(lint_corpus: CorpusFactory) -> None:
    for line in ("The spokesman for Marit Oyelaran said that the crews work the whole night.",
                 "Marit Oyelaran's spokesman said that the crews work the whole night."):
        found = [d for d in lint_corpus(_with_spokeswoman(line), select="NL511") if d.text == "spokesman"]
        assert found == [], line


def _with_deputy_mayor(mt_line: str) -> dict[str, str]:
    line = "Deputy mayor Giuseppe Ferrante said the four depots would stay open all week."
    return {"wire.txt": WIRE + line + "\n", "b.txt": OUTLET_B + line + "\n",
            "c.txt": OUTLET_C + "The four depots would stay open all week, deputy mayor Giuseppe Ferrante said.\n",
            "mt.txt": TRANSLATED + mt_line + "\n"}


def test_a_given_name_in_another_language_is_a_name_variant(lint_corpus: CorpusFactory) -> None:
    story = _with_deputy_mayor("The deputy mayor Joseph Ferrante said that the four depots stay open the whole week.")
    found = [d for d in lint_corpus(story, select="NL401") if d.text == "Joseph Ferrante"]
    assert [(Path(d.path).name, str(d.severity), d.suggestion) for d in found] == [
        ("mt.txt", "warning", "Giuseppe Ferrante")]


def _with_site_engineer(mt_line: str) -> dict[str, str]:
    line = "Site engineer Jadwiga Kowalczyk said the pumps would run until the tanks were full."
    return {"wire.txt": WIRE + line + "\n", "b.txt": OUTLET_B + line + "\n",
            "c.txt": OUTLET_C + "The pumps would run until the tanks were full, site engineer Jadwiga Kowalczyk said.\n",
            "mt.txt": TRANSLATED + mt_line + "\n"}


def test_a_surname_rendered_by_its_meaning_in_the_same_sentence_is_a_name_variant(
    lint_corpus: CorpusFactory,
) -> None:
    story = _with_site_engineer("The site engineer Jadwiga Smith said that the pumps run until the tanks are full.")
    found = [d for d in lint_corpus(story, select="NL401") if d.text == "Jadwiga Smith"]
    assert [(Path(d.path).name, str(d.severity), d.suggestion) for d in found] == [
        ("mt.txt", "warning", "Jadwiga Kowalczyk")]


def test_a_localized_given_name_that_is_a_common_word_stays_part_of_the_name(
    lint_corpus: CorpusFactory,
) -> None:
    """"Raymond" is frequent in English text, but as a given name of the table it opens the
    name rather than being left out as the sentence's own word."""
    line = "The ferry pilot, Raimundo Tavares Lobo, 52, said the pumps would run until the tanks were full."
    story = {"wire.txt": WIRE + line + "\n", "b.txt": OUTLET_B + line + "\n", "c.txt": OUTLET_C + line + "\n",
             "mt.txt": TRANSLATED + line.replace("Raimundo", "Raymond") + "\n"}
    found = [(Path(d.path).name, d.text, d.suggestion) for d in lint_corpus(story, select="NL401")
             if "Lobo" in d.text and str(d.severity) != "info"]
    assert found == [("mt.txt", "Raymond Tavares Lobo", "Raimundo Tavares Lobo")]


def test_a_given_name_rendered_by_its_meaning_is_a_name_variant(lint_corpus: CorpusFactory) -> None:
    """"Peace" for Turkish "Barış"; the leading role word ("Machinist") is not part of the name."""
    line = "Machinist Barış Kocabey said the pumps would run until the tanks were full."
    story = {"wire.txt": WIRE + line + "\n", "b.txt": OUTLET_B + line + "\n", "c.txt": OUTLET_C + line + "\n",
             "mt.txt": TRANSLATED + "Machinist Peace Kocabey said that the pumps run until the tanks are full.\n"}
    found = [(Path(d.path).name, d.text, str(d.severity)) for d in lint_corpus(story, select="NL401")
             if "Kocabey" in d.text]
    assert found == [("mt.txt", "Peace Kocabey", "warning")]


def test_a_namesake_with_an_english_surname_elsewhere_in_the_story_is_not_a_variant(
    lint_corpus: CorpusFactory,
) -> None:
    story = _with_site_engineer("Shopkeeper Jadwiga Smith sold her last crate of bottled water by noon.")
    assert not [d for d in lint_corpus(story, select="NL401") if d.text == "Jadwiga Smith"]


def test_a_namesake_with_a_cognate_given_name_elsewhere_in_the_story_is_not_a_variant(
    lint_corpus: CorpusFactory,
) -> None:
    story = _with_deputy_mayor("Shopkeeper Joseph Ferrante sold his last crate of bottled water by noon.")
    assert not [d for d in lint_corpus(story, select="NL401")
                if d.text == "Joseph Ferrante" and str(d.severity) != "info"]


def test_a_name_in_another_romanization_is_a_name_variant(lint_corpus: CorpusFactory) -> None:
    story = _with_deputy_mayor("The deputy mayor Giuseppe Ferrante said that the four depots stay open.")
    line = "Water engineer Yevhen Hnatyuk said the filters had been replaced by the night shift."
    story = {name: text + line + "\n" for name, text in story.items()}
    story["mt.txt"] = story["mt.txt"].replace("Yevhen Hnatyuk", "Evgeny Gnatiuk")
    found = [(Path(d.path).name, d.text, str(d.severity), d.suggestion)
             for d in lint_corpus(story, select="NL401") if "atyuk" in d.text or "atiuk" in d.text]
    assert found == [("mt.txt", "Evgeny Gnatiuk", "warning", "Yevhen Hnatyuk")]


def test_another_person_with_the_surname_in_another_romanization_is_not_a_variant(
    lint_corpus: CorpusFactory,
) -> None:
    story = _with_deputy_mayor("The deputy mayor Giuseppe Ferrante said that the four depots stay open.")
    line = "Water engineer Yevhen Hnatyuk said the filters had been replaced by the night shift."
    story = {name: text + line + "\n" for name, text in story.items()}
    story["mt.txt"] += "A farmer, Pavlo Gnatiuk, said his well had run dry.\n"
    assert not [d for d in lint_corpus(story, select="NL401") if "Gnatiuk" in d.text]


def test_a_name_hyphenated_or_spaced_otherwise_is_no_variant(lint_corpus: CorpusFactory) -> None:
    """"Ahn Ji Hoon" where the outlets write "Ahn Ji-hoon" (or "Ahn Jihoon"): one name in another
    house style. "Ahn Ji-hun" is another spelling, reported."""
    story = _with_deputy_mayor("The deputy mayor Giuseppe Ferrante said that the four depots stay open.")
    line = "Plant manager Ahn Ji-hoon said the filters had been replaced by the night shift."
    story = {name: text + line + "\n" for name, text in story.items()}
    for style in ("Ahn Ji Hoon", "Ahn Jihoon"):
        story["mt.txt"] = story["mt.txt"].replace("Ahn Ji-hoon", style)
        assert not [d for d in lint_corpus(story, select="NL401") if d.text.startswith("Ahn")], style
        story["mt.txt"] = story["mt.txt"].replace(style, "Ahn Ji-hoon")
    story["mt.txt"] = story["mt.txt"].replace("Ahn Ji-hoon", "Ahn Ji-hun")
    found = [(Path(d.path).name, d.text) for d in lint_corpus(story, select="NL401") if d.text.startswith("Ahn")]
    assert found == [("mt.txt", "Ahn Ji-hun")]


def test_romanization_keys_fold_one_sound_spelled_two_ways() -> None:
    from lint.names.fold import romanization_key

    assert romanization_key("Syniehubov") == romanization_key("Sinegubov")
    assert romanization_key("Kudrytskyi") == romanization_key("Kudritsky")
    assert romanization_key("Oleh") == romanization_key("Oleg")
    assert romanization_key("Morin") != romanization_key("Moran")
    assert romanization_key("Novak") != romanization_key("Nowicki")


def test_scheme_spellings_fold_the_vowels_and_the_gamma_that_schemes_choose() -> None:
    from lint.names.fold import scheme_spellings

    assert scheme_spellings(["Choe", "Eun-jeong"], ["Choi", "Eun-jung"])
    assert scheme_spellings(["Seo", "Min-jun"], ["Suh", "Min-joon"])
    assert scheme_spellings(["Eleni", "Karayianni"], ["Eleni", "Karagianni"])
    assert not scheme_spellings(["Choi", "Eun-jing"], ["Choi", "Eun-jung"])
    assert not scheme_spellings(["Kimula"], ["Kimura"])  # l for r: a round trip, no scheme
    assert not scheme_spellings(["Papadakis"], ["Papadaki"])


def test_given_name_families_link_forms_only_with_the_same_surname() -> None:
    from lint.names.extract import NameData
    from lint.packs import load_packs

    cognates = NameData.from_packs(load_packs()).cognates
    assert same_person(("istvan", "nagy"), ("stephen", "nagy"), cognates)
    assert not same_person(("istvan", "nagy"), ("stephen", "nagy"))
    assert not same_person(("istvan", "nagy"), ("stephen", "kovacs"), cognates)
    assert not same_person(("istvan", "nagy"), ("peter", "nagy"), cognates)


def test_the_surname_alone_of_a_variant_name_is_reported_with_it(lint_corpus: CorpusFactory) -> None:
    story = {**STORY, "mt.txt": TRANSLATED + "Achterbergh added that the pumps were being cleaned.\n"}
    found = [(d.text, str(d.severity), d.suggestion) for d in lint_corpus(story, select="NL401")
             if Path(d.path).name == "mt.txt"]
    assert ("Rosalind Achterbergh", "warning", "Rosalind Achterberg") in found
    assert ("Achterbergh", "warning", "Achterberg") in found


@pytest.mark.parametrize("title", ["Frau", "Ibu", "Señora", "Madame", "Shrimati"])
def test_a_form_of_address_left_in_the_source_language_is_no_name_variant(
    lint_corpus: CorpusFactory, title: str,
) -> None:
    """A translation keeps the source's "Mrs" ("Frau", Indonesian "Ibu"): the same person."""
    text = TRANSLATED.replace("chief engineer Rosalind Achterbergh", f"chief engineer {title} Rosalind Achterberg")
    found = [(d.text, str(d.severity)) for d in lint_corpus({**STORY, "mt.txt": text}, select="NL401")
             if Path(d.path).name == "mt.txt"]
    assert [row for row in found if row[1] != "info"] == []
    misspelled = TRANSLATED.replace("chief engineer Rosalind", f"chief engineer {title} Rosalind")
    found = [d.text for d in lint_corpus({**STORY, "mt.txt": misspelled}, select="NL401")
             if Path(d.path).name == "mt.txt" and str(d.severity) != "info"]
    assert any("Achterbergh" in text for text in found)


def test_a_bare_surname_shared_by_two_people_of_the_article_is_not_reported(
    lint_corpus: CorpusFactory,
) -> None:
    text = TRANSLATED + "Her brother, Tomas Achterbergh, runs a bakery. Achterbergh said the bakery stayed open.\n"
    found = [d.text for d in lint_corpus({**STORY, "mt.txt": text}, select="NL401")
             if Path(d.path).name == "mt.txt"]
    assert "Achterbergh" not in found


def test_changed_word_in_a_quotation(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus(STORY, select="NL501"), "NL501")
    assert ("mt.txt", "pure", "warning") in found


def test_institution_slot_filled_otherwise(lint_corpus: CorpusFactory) -> None:
    wrong = WIRE.replace("The Clearwater Inspectorate said it would", "The Federal Aviation Administration said it would")
    found = names(lint_corpus({**STORY, "wire.txt": wrong}, select="NL502"), "NL502")
    assert ("wire.txt", "Federal Aviation Administration", "info") in found or (
        "wire.txt", "Federal Aviation Administration", "warning") in found


# --- look-alikes that stay quiet -----------------------------------------------------------------


def test_two_outlets_that_disagree_are_only_info(lint_corpus: CorpusFactory) -> None:
    other = WIRE.replace("23 percent", "19 percent")
    found = lint_corpus({"wire.txt": WIRE, "other.txt": other}, select="NL509")
    assert not [d for d in found if str(d.severity) != "info"]


def test_a_figure_the_text_says_was_updated_is_not_a_warning(lint_corpus: CorpusFactory) -> None:
    updated = OUTLET_B.replace(
        "The Clearwater Inspectorate said 23 percent of the laboratory samples",
        "By evening the Clearwater Inspectorate had raised the share of failed laboratory samples to 31 percent",
    )
    found = lint_corpus({**STORY, "b.txt": updated}, select="NL509")
    assert not [d for d in found if Path(d.path).name == "b.txt" and str(d.severity) != "info"]


def test_an_update_word_the_other_outlets_use_too_does_not_excuse_a_dropped_zero(
    lint_corpus: CorpusFactory,
) -> None:
    """"Estimated" is a cue that a figure changed only when the siblings do not say it too."""
    estimate = "The utility estimated the cost of the bottled water at {} a day."
    story = {
        "wire.txt": WIRE + estimate.format("$40,000") + "\n",
        "b.txt": OUTLET_B + estimate.format("$40,000") + "\n",
        "c.txt": OUTLET_C + estimate.format("$40,000") + "\n",
        "mt.txt": TRANSLATED + estimate.format("$4,000") + "\n",
    }
    found = names(lint_corpus(story, select="NL509"), "NL509")
    assert ("mt.txt", "$4,000", "warning") in found
    revised = {**story, "mt.txt": TRANSLATED + "By evening the utility had revised the cost of the bottled water to $4,000 a day.\n"}
    found = names(lint_corpus(revised, select="NL509"), "NL509")
    assert not [row for row in found if row[1] == "$4,000" and row[2] != "info"]


def test_another_person_with_a_similar_name_is_not_a_variant(lint_corpus: CorpusFactory) -> None:
    neighbour = OUTLET_C + (
        "\nOutside the depot, Rosalind Achterhof, who runs a bakery on Tollcross Road, said she had "
        "closed her shop for the day.\n"
    )
    found = names(lint_corpus({**STORY, "c.txt": neighbour}, select="NL401"), "NL401")
    assert not [f for f in found if "Achterhof" in f[1] and f[2] != "info"]


def test_an_accurate_partial_quote_is_not_drift(lint_corpus: CorpusFactory) -> None:
    partial = OUTLET_B.replace(
        '"We will keep the notice in place until every sample comes back clean," Rosalind Achterberg',
        'Rosalind Achterberg said the notice would stay "until every sample comes back clean"',
    )
    found = lint_corpus({**STORY, "b.txt": partial}, select="NL501")
    assert not [d for d in found if Path(d.path).name == "b.txt"]


def test_stories_can_be_turned_off(lint_corpus: CorpusFactory) -> None:
    assert lint_corpus(STORY, select="NL509", stories=False) == []


def test_story_ids_are_in_the_json_output(write_corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from lint.report.json import render_json
    from tests.conftest import lint_paths

    folder = write_corpus({**STORY, "other.txt": "Orchard growers in Pellham began the apple harvest.\n"})
    result = lint_paths([folder], select=("NL509",))
    payload = json.loads(render_json(result))
    ((story, members),) = payload["stories"].items()
    assert sorted(Path(m["path"]).name for m in members) == ["b.txt", "c.txt", "mt.txt", "wire.txt"]
    assert payload["diagnostics"] and all(d["story"] == story for d in payload["diagnostics"])


def test_the_report_names_each_articles_story(write_corpus) -> None:  # type: ignore[no-untyped-def]
    import json

    from tests.conftest import run_cli

    folder = write_corpus(STORY)
    proc = run_cli(["report", str(folder), "--format", "json", "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["stories"] == 1
    assert len({a["story"] for a in report["articles"]}) == 1


def _ferry_story(b_day: str, mt_day: str) -> dict[str, str]:
    head = "Ferries to Skarholm resume after the storm\n\n"
    wire = head + (
        "Ferries to Skarholm resumed on Wednesday, June 11, after the storm closed the harbour "
        "at Brennvik for two days, the operator Nordsund Lines said.\n\n"
        "Nordsund Lines said 2,400 passengers had been stranded on the island of Skarholm.\n"
    )
    outlet = head + (
        f"Ferry services to Skarholm resumed on {b_day}, June 11, after the storm closed the "
        "harbour at Brennvik for two days, Nordsund Lines said.\n\n"
        "About 2,400 passengers had been stuck on Skarholm, the operator said.\n"
    )
    mt = head + (
        f"The ferries to Skarholm resumed on {mt_day}, 11 June, after the storm closed the port of "
        "Brennvik during two days, informed the operator Nordsund Lines.\n\n"
        "Nordsund Lines said that 2,400 passengers stayed retained on the island of Skarholm.\n"
    )
    return {"wire.txt": wire, "b.txt": outlet, "mt.txt": mt}


def test_another_weekday_beside_the_same_date_is_drift(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus(_ferry_story("Wednesday", "Thursday"), select="NL509"), "NL509")
    assert found == [("mt.txt", "Thursday", "warning")]


def test_a_weekday_the_siblings_disagree_on_is_not_drift(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus(_ferry_story("Thursday", "Thursday"), select="NL509"), "NL509")
    assert [f for f in found if f[0] == "mt.txt" and f[2] != "info"] == []


def _port_story(mt_city: str, b_city: str = "Odesa") -> dict[str, str]:
    head = "Grain ships leave the port after the storm\n\n"
    wire = head + (
        "Nine grain ships left the port of Odesa on Tuesday after a storm kept them at anchor for "
        "four days, the harbour authority said.\n\n"
        "The ships carry 310,000 tonnes of wheat and maize, the authority said in Odesa.\n"
    )
    outlet = head + (
        f"Nine grain ships sailed from the port of {b_city} on Tuesday after a storm kept them at "
        "anchor for four days, port officials said.\n\n"
        "Their holds carry 310,000 tonnes of wheat and maize, according to the harbour authority.\n"
    )
    mt = head + (
        f"Nine ships with grain left the port of {mt_city} this Tuesday after a storm retained them "
        "at anchor during four days, informed the harbour authority.\n\n"
        "The ships transport 310,000 tonnes of wheat and maize, said the authority.\n"
    )
    return {"wire.txt": wire, "b.txt": outlet, "mt.txt": mt}


def test_a_place_in_another_romanization_is_a_name_variant(lint_corpus: CorpusFactory) -> None:
    found = [(Path(d.path).name, d.text, str(d.severity), d.suggestion)
             for d in lint_corpus(_port_story("Odessa"), select="NL401") if "Place" in d.message]
    assert found == [("mt.txt", "Odessa", "warning", "Odesa")]


def test_a_place_written_without_its_marks_is_only_info(lint_corpus: CorpusFactory) -> None:
    """English copy often drops a name's diacritics: "Gdansk" for "Gdańsk" is no misspelling."""
    story = {name: text.replace("Odesa", "Gdańsk") for name, text in _port_story("Gdansk").items()}
    found = [(Path(d.path).name, d.text, str(d.severity), d.suggestion)
             for d in lint_corpus(story, select="NL401") if "Place" in d.message]
    assert found == [("mt.txt", "Gdansk", "info", "Gdańsk")]


def test_a_place_the_siblings_spell_two_ways_is_not_a_variant(lint_corpus: CorpusFactory) -> None:
    found = [d for d in lint_corpus(_port_story("Odessa", b_city="Odessa"), select="NL401")
             if "Place" in d.message and str(d.severity) != "info"]
    assert [(Path(d.path).name, d.text) for d in found if Path(d.path).name == "mt.txt"] == []


def _concert_story(mt_word: str, extra: str = "") -> dict[str, str]:
    head = "Storm stops the Brennvik harbour festival\n\n"
    wire = head + (
        "Organisers of the Brennvik harbour festival cancelled all concerts on Saturday after the "
        "storm tore down the main stage, the town council said.\n\n"
        "About 12,000 tickets will be refunded, festival director Signe Aaland said.\n"
    )
    outlet = head + (
        "Organisers of the Brennvik harbour festival cancelled all concerts on Saturday after the "
        "storm destroyed the main stage, according to the council.\n\n"
        "Festival director Signe Aaland said some 12,000 tickets would be refunded.\n" + extra
    )
    mt = head + (
        f"Organisers of the Brennvik harbour festival {mt_word} all concerts on Saturday after the "
        "storm knocked down the main stage, informed the town council.\n\n"
        "Around 12,000 entries will be reimbursed, said the director of the festival Signe Aaland.\n"
    )
    return {"wire.txt": wire, "b.txt": outlet, "mt.txt": mt}


def _substitutions(found: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(Path(d.path).name, d.text, str(d.severity)) for d in found if "literal translation" in d.message]


def test_a_far_rarer_word_where_the_siblings_agree_is_a_literal_translation(lint_corpus: CorpusFactory) -> None:
    found = _substitutions(lint_corpus(_concert_story("annulled"), select="NL510"))
    assert found == [("mt.txt", "annulled", "info")]


def test_a_word_another_article_of_the_story_uses_is_not_a_literal_translation(
    lint_corpus: CorpusFactory,
) -> None:
    extra = "The council annulled the licence of one food stall last year.\n"
    assert _substitutions(lint_corpus(_concert_story("annulled", extra), select="NL510")) == []


def test_a_word_of_another_clause_is_no_substitute(lint_corpus: CorpusFactory) -> None:
    """"...the harbour, indicated the council" against "...the harbour office, the council
    said": the alignment puts "indicated" beside "office", but a comma stands on the other
    side of each: two clauses, not one word for another."""
    story = _concert_story("cancelled")
    plain = "\nThe town shut every road to the harbour office, the town council said on Sunday.\n"
    story = {"wire.txt": story["wire.txt"] + plain, "b.txt": story["b.txt"] + plain,
             "mt.txt": story["mt.txt"]
             + "\nThe town shut every road to the harbour, indicated the town council on Sunday.\n"}
    assert _substitutions(lint_corpus(story, select="NL510")) == []


def test_a_common_word_where_the_siblings_agree_on_a_rarer_one_is_quiet(lint_corpus: CorpusFactory) -> None:
    story = _concert_story("stopped")
    assert _substitutions(lint_corpus(story, select="NL510")) == []


def _with_sentence(**sentences: str) -> dict[str, str]:
    """The story with one more sentence per outlet (keyed by file stem)."""
    return {name: text + sentences[name.removesuffix(".txt")] + "\n" for name, text in STORY.items()}


def _figures_checked(lint_corpus: CorpusFactory, story: dict[str, str]) -> list[Diagnostic]:
    """NL509's findings on the story, having checked that it ran: the translation's own
    drift ("32 percent") is among them."""
    found = lint_corpus(story, select="NL509")
    assert ("mt.txt", "32 percent", "warning") in names(found, "NL509")
    return found


def _told(line: str, mt: str, *others: str) -> dict[str, str]:
    """The story with one more sentence, ``line`` filled with ``others`` by the three outlets
    (one value for all, or one each) and with ``mt`` by the translation."""
    wire, b, c = others * 3 if len(others) == 1 else others
    return _with_sentence(wire=line.format(wire), b=line.format(b), c=line.format(c), mt=line.format(mt))


def test_thousands_grouped_with_a_dot_are_named_so(lint_corpus: CorpusFactory) -> None:
    """"12.400 hectares" where the others write "12,400": a translation kept the source's dot
    (English reads 12.4), and the message says so; "12.4" itself is a scale slip."""
    line = "Rangers said the fire burned {} hectares of pine forest near the reservoir."
    dotted = [d for d in lint_corpus(_told(line, "12.400", "12,400"), select="NL509") if d.text.startswith("12")]
    assert [(Path(d.path).name, str(d.severity)) for d in dotted] == [("mt.txt", "warning")]
    assert "thousands grouped with a dot" in dotted[0].message
    scaled = [d for d in lint_corpus(_told(line, "12.4", "12,400"), select="NL509") if d.text.startswith("12")]
    assert [(Path(d.path).name, str(d.severity)) for d in scaled] == [("mt.txt", "warning")]
    assert "off by a factor of a thousand" in scaled[0].message


def test_a_witness_that_gives_a_later_figure_does_not_hide_a_dropped_zero(lint_corpus: CorpusFactory) -> None:
    """One outlet reports the figure that rose later ("rose to 51,000 litres by Friday"): the
    others still agree on 41,000, and the translation's 4,100 is their odd one out."""
    line = "Crews pumped an estimated {} litres of floodwater out of the reservoir tunnels."
    later = "The volume of floodwater pumped out of the reservoir tunnels rose to 51,000 litres by Friday evening."
    story = _with_sentence(wire=line.format("41,000"), b=line.format("41,000"), c=later,
                           mt=line.format("4,100"))
    found = [(Path(d.path).name, d.text, str(d.severity)) for d in lint_corpus(story, select="NL509")
             if d.text.startswith("4,100")]
    assert found == [("mt.txt", "4,100 litres", "warning")]
    quiet = _with_sentence(wire=line.format("41,000"), b=line.format("41,000"), c=later,
                           mt=line.format("41,000"))
    assert [d for d in lint_corpus(quiet, select="NL509") if "litres" in d.text and str(d.severity) != "info"] == []


def test_a_witness_paired_with_the_article_s_other_figure_does_not_hide_a_dropped_digit(
    lint_corpus: CorpusFactory,
) -> None:
    """"7 people to die and 164 to be injured" where the others give 27 dead: a witness whose
    only count is the 164 injured states the article's other figure, not another death toll."""
    story = _with_sentence(
        wire="The storm killed 27 people and injured 164 others, officials said.",
        b="Officials said 27 people died and 164 were injured in the storm.",
        c="Officials said the storm injured 164 people across the valley.",
        mt="The storm has caused 7 people to die and 164 people to be injured, officials said.",
    )
    found = [(Path(d.path).name, d.text, str(d.severity)) for d in lint_corpus(story, select="NL509")]
    assert ("mt.txt", "7", "warning") in found
    same = dict(story)
    same["mt.txt"] = story["mt.txt"].replace("caused 7 people", "caused 27 people")
    assert [d for d in lint_corpus(same, select="NL509") if d.line == 14 and str(d.severity) != "info"] == []


def test_the_date_of_a_dateline_is_when_the_article_was_filed_not_a_fact(lint_corpus: CorpusFactory) -> None:
    """The wire files "ELLESMERE VALE, March 3" and a follow-up "ELLESMERE VALE, March 4": the
    days the articles were written, not two dates of one fact; a date in the story's text is."""
    from lint.story.facts import dateline_end

    assert dateline_end("SAPPORO, Japan, Nov. 4, 2025 - Heavy snow fell.") == len("SAPPORO, Japan, Nov. 4, 2025 - ")
    assert dateline_end("NATO said on Monday - and again later - that it would stay.") == 0
    story = dict(STORY)
    story["wire.txt"] = story["wire.txt"].replace("ELLESMERE VALE, March 3, 2025", "ELLESMERE VALE, March 4, 2025")
    for name in ("b.txt", "c.txt"):
        story[name] = story[name].replace("\n\n", "\n\nELLESMERE VALE, March 4, 2025 - ", 1)
    story["mt.txt"] = story["mt.txt"].replace("\n\n", "\n\nELLESMERE VALE, March 3, 2025 - ", 1)
    found = [d for d in lint_corpus(story, select="NL509") if d.line == 3 and "March" in d.text]
    assert found == []


def test_a_year_with_its_digits_in_another_order_is_drift(lint_corpus: CorpusFactory) -> None:
    story = _told("It is the first boil-water notice in the town since {}.", "1968", "1986")
    assert ("mt.txt", "1968", "warning") in names(lint_corpus(story, select="NL509"), "NL509")


def test_a_time_of_day_on_the_other_side_of_noon_is_drift(lint_corpus: CorpusFactory) -> None:
    """"9:40 a.m." where the others write "21:40" or "9:40 p.m.": the same minutes, half a day
    apart."""
    line = "The first samples failed at {} on Sunday, the utility said."
    found = [(Path(d.path).name, d.text, str(d.severity)) for d in
             lint_corpus(_told(line, "9:40 a.m.", "21:40", "9:40 p.m.", "9.40 in the evening"), select="NL509")
             if "9" in d.text]
    assert [row for row in found if row[2] != "info"] == [("mt.txt", "9:40 a.m", "warning")]


@pytest.mark.parametrize(("mt", "others"), [
    ("9:40", "21:40"),  # no part of the day: morning or evening
    ("03:40 GMT", "9:40 p.m."),  # another zone
    ("9.40", "21:40"),  # a number with a dot is no time without a part of the day
])
def test_a_time_that_cannot_be_told_apart_is_no_drift(lint_corpus: CorpusFactory, mt: str, others: str) -> None:
    line = "The first samples failed at {} on Sunday, the utility said."
    found = lint_corpus(_told(line, mt, others), select="NL509")
    assert [d for d in found if str(d.severity) != "info" and "9" in d.text] == []


REOPEN = "The pumping station will reopen {} morning at the earliest, the utility said."


def test_a_weekday_the_aligner_pairs_with_a_preposition_is_still_compared(lint_corpus: CorpusFactory) -> None:
    """"reopen on Thursday morning" against "reopen Saturday morning": the aligner pairs "on"
    with "Saturday", but both weekdays stand before the same "morning"."""
    found = [(Path(d.path).name, d.text, str(d.severity)) for d in
             lint_corpus(_told(REOPEN, "on Thursday", "Saturday"), select="NL509") if "Thursday" in d.text]
    assert found == [("mt.txt", "Thursday", "warning")]
    same_day = lint_corpus(_told(REOPEN, "on Saturday", "Saturday"), select="NL509")
    assert not [d for d in same_day if d.text == "Saturday"]


def test_a_year_two_outlets_disagree_on_is_not_a_warning(lint_corpus: CorpusFactory) -> None:
    line = "It is the first boil-water notice in the town since {}."
    story = {"wire.txt": WIRE + line.format(1986) + "\n", "b.txt": OUTLET_B + line.format(1968) + "\n"}
    found = lint_corpus(story, select="NL509")
    assert {d.text for d in found} >= {"1986", "1968"}  # compared, each the odd one of a pair
    assert not [d for d in found if str(d.severity) != "info"]


ILL = "About {} fell ill the last time the reservoir failed its tests."


def test_a_count_off_by_ten_is_drift_though_each_outlet_counts_with_another_noun(
    lint_corpus: CorpusFactory,
) -> None:
    story = _told(ILL, "9,000 inhabitants", "900 residents", "900 people", "900 townspeople")
    drift = [d for d in lint_corpus(story, select="NL509") if d.text.startswith("9,000")]
    assert [str(d.severity) for d in drift] == ["warning"]
    assert "900" in drift[0].message and len(drift[0].related) == 3


def test_a_count_of_another_noun_and_an_unrelated_value_is_another_fact(lint_corpus: CorpusFactory) -> None:
    """"300 families" is no error against "900 people": a household is not a person."""
    story = _told(ILL, "300 families", "900 residents", "900 people", "900 townspeople")
    found = _figures_checked(lint_corpus, story)
    assert not [d for d in found if "300" in d.text and str(d.severity) != "info"]


def test_an_institution_the_siblings_name_elsewhere_in_the_sentence_agrees(lint_corpus: CorpusFactory) -> None:
    """The wire names the council last ("according to ..."), the others first: its opening
    word "Insurers" then aligns with the translation's wrong body, but the siblings name the
    wire's; only the translation is reported."""
    story = _with_sentence(
        wire="Insurers put the damage at $40 million, according to the Harbour Insurance Council.",
        b="The Harbour Insurance Council put the damage at $40 million.",
        c="The Harbour Insurance Council estimated the damage at $40 million.",
        mt="The Coastal Insurers Association put the damage at $40 million.",
    )
    found = names(lint_corpus(story, select="NL502"), "NL502")
    assert ("mt.txt", "Coastal Insurers Association", "warning") in found
    assert [row for row in found if row[0] == "wire.txt"] == []


def _damage_assessed(mt: str) -> dict[str, str]:
    return _with_sentence(
        wire="The Harbour Insurance Council put the damage at $40 million.",
        b="The Harbour Insurance Council estimated the damage at $40 million.",
        c="The Harbour Insurance Council put the damage at $40 million on Tuesday.",
        mt=mt,
    )


def test_a_body_the_article_names_elsewhere_is_another_actor_not_a_substitute(
    lint_corpus: CorpusFactory,
) -> None:
    """Each sentence names one body the other does not: they fill one slot, unless the article
    names the siblings' body in another sentence (it then only tells who did what otherwise)."""
    alone = "The damage came to $40 million, the Clearwater Coast Guard said after a survey."
    found = names(lint_corpus(_damage_assessed(alone), select="NL502"), "NL502")
    assert ("mt.txt", "Clearwater Coast Guard", "warning") in found
    both = alone + " The Harbour Insurance Council met its members on Monday."
    assert not [row for row in names(lint_corpus(_damage_assessed(both), select="NL502"), "NL502")
                if row[1] == "Clearwater Coast Guard"]


def test_an_office_holder_s_possessive_goes_on_into_the_name_of_a_body() -> None:
    assert _institution_runs("The Attorney General's Office said on Monday.") == ["Attorney General's Office"]
    assert _institution_runs("The Coastal Province Prosecutor's Office opened a case.") == ["Coastal Province Prosecutor's Office"]
    assert _institution_runs("Peru's National Police said on Monday.") == ["National Police"]  # a place's possessive ends it


def test_a_longer_name_that_adds_a_place_in_another_word_order_is_the_same_body() -> None:
    from lint.story.slots import _same_body

    def name(text: str) -> tuple[str, ...]:
        return tuple(t.norm for t in tokenize(text))

    assert _same_body(name("National Service of Tides and Hydrology"),
                      name("National Tides and Hydrology Service of Ostvale"))
    assert _same_body(name("Health Ministry"), name("Ministry of Health of Ostvale"))
    assert _same_body(name("Ostvale Municipal Bureau of Flood Control"), name("Flood Control Bureau"))
    assert not _same_body(name("State Department"), name("Department of State Security"))
    assert not _same_body(name("National Police"), name("Municipal Police"))
    assert not _same_body(name("Ostvale Library"), name("Ostvale Regional Library"))  # a word dropped
    assert not _same_body(name("Ministry of Health"), name("Ministry of Labour of Ostvale"))


REPAIRS = "Repairs to the reservoir will cost {}, the utility said."


def _repairs(mt: str) -> dict[str, str]:
    return _told(REPAIRS, mt, "40 million pounds", "£40 million", "40 million pounds")


def test_the_same_sum_in_another_currency_is_drift(lint_corpus: CorpusFactory) -> None:
    drift = [d for d in lint_corpus(_repairs("40 million euros"), select="NL509") if "euros" in d.text]
    assert [str(d.severity) for d in drift] == ["warning"]
    assert "the currency: euro for pound" in drift[0].message


def test_a_sum_converted_into_another_currency_is_not_drift(lint_corpus: CorpusFactory) -> None:
    found = _figures_checked(lint_corpus, _repairs("47 million euros"))
    assert not [d for d in found if "euros" in d.text]


def test_the_suggested_spelling_is_the_one_most_witnesses_print(lint_corpus: CorpusFactory) -> None:
    """Two witnesses print "Condorí", one drops the accent: the misspelled name is told the
    spelling most of them print, whichever witness aligns first."""
    line = "Engineer Judith {} said the filters would be replaced by Friday."
    story = _with_sentence(wire=line.format("Condorí"), b=line.format("Condori"), c=line.format("Condorí"),
                           mt=line.format("Kondory"))
    found = [d for d in lint_corpus(story, select="NL401") if "Kondory" in d.text]
    assert [d.suggestion for d in found] == ["Judith Condorí"]


def test_a_given_name_that_is_also_a_city_is_reported_as_the_persons_name(lint_corpus: CorpusFactory) -> None:
    """"Wladimir" is also a city's German name: in "Wladimir Koshelev" it names a person."""
    story = _told("Deputy mayor {} Koshelev said the depots would stay open all week.", "Wladimir", "Vladimir")
    found = [d for d in lint_corpus(story, select="NL401") if "Wladimir" in d.text]
    assert [d.text for d in found] == ["Wladimir Koshelev"]
    assert found[0].message.startswith("Name 'Wladimir Koshelev'")


def test_a_sum_rounded_into_another_currency_is_not_drift(lint_corpus: CorpusFactory) -> None:
    """"about $40 million" beside "C$42 million": a conversion within the rounding, not a
    currency written for another."""
    found = _figures_checked(lint_corpus, _told(REPAIRS, "about $40 million", "C$42 million"))
    assert not [d for d in found if "40 million" in d.text]


def _bills(mt: str) -> dict[str, str]:
    return _told("Water bills will rise {} next year, the utility said.", mt, "4 percent")


def test_percentage_points_against_percent_is_only_info(lint_corpus: CorpusFactory) -> None:
    """Many outlets write "percent" for percentage points: the majority may be the loose one."""
    drift = [d for d in lint_corpus(_bills("4 percentage points"), select="NL509") if "points" in d.text]
    assert [str(d.severity) for d in drift] == ["info"]
    assert "percentage points for percent" in drift[0].message


def test_a_change_in_percentage_points_beside_the_same_percent_is_not_drift(lint_corpus: CorpusFactory) -> None:
    found = _figures_checked(lint_corpus, _bills("4 percent, or 0.5 percentage points more than this year"))
    assert not [d for d in found if "percent" in d.text and d.text != "32 percent"]


def _leak(others: str, mt: str) -> dict[str, str]:
    return _told("The leak was traced to a main {} from the reservoir.", mt, others)


def test_nautical_miles_for_kilometres_is_drift_and_for_miles_only_info(lint_corpus: CorpusFactory) -> None:
    drift = [d for d in lint_corpus(_leak("12 kilometres", "12 nautical miles"), select="NL509") if "nautical" in d.text]
    assert [str(d.severity) for d in drift] == ["warning"]
    loose = [d for d in lint_corpus(_leak("12 miles", "12 nautical miles"), select="NL509") if "nautical" in d.text]
    assert [str(d.severity) for d in loose] == ["info"]


CLEARED = "Crews cleared {} of scrub around the pumping station before the storm."


def test_an_area_in_another_unit_is_drift_though_one_outlet_converts_it(lint_corpus: CorpusFactory) -> None:
    """Two outlets give "310 hectares", a third converts it ("about 770 acres"), the translation
    keeps the number and changes the unit: the conversion agrees with the two, not with it."""
    story = _told(CLEARED, "310 acres", "310 hectares", "310 hectares", "about 770 acres")
    drift = [d for d in lint_corpus(story, select="NL509") if d.text == "310 acres"]
    assert [str(d.severity) for d in drift] == ["warning"]
    assert "310 hectares" in drift[0].message


def test_a_converted_area_is_not_drift_and_another_area_still_disagrees(lint_corpus: CorpusFactory) -> None:
    converted = _figures_checked(lint_corpus, _told(CLEARED, "about 770 acres", "310 hectares"))
    assert not [d for d in converted if "acres" in d.text]
    # 1,200 acres is no rounding of 310 hectares (766 acres): the outlets disagree, nobody is told
    split = _figures_checked(lint_corpus, _told(CLEARED, "310 acres", "310 hectares", "310 hectares",
                                                "about 1,200 acres"))
    assert not [d for d in split if d.text == "310 acres" and str(d.severity) == "warning"]


def test_square_kilometres_are_an_area_not_a_length() -> None:
    found = [(f.unit, f.value) for f in extract_figures(tokenize("12 square kilometres, 5 sq km and 12 km"))]
    assert found == [("area:square kilometre", 12.0), ("area:square kilometre", 5.0), ("length:kilometre", 12.0)]


EASED = "Water losses in the network eased {} over the winter, the utility said."


def test_the_two_ends_of_a_change_swapped_are_drift(lint_corpus: CorpusFactory) -> None:
    story = _told(EASED, "to 19 percent from 14 percent", "to 14 percent from 19 percent",
                  "from 19 percent to 14 percent", "to 14 percent from 19 percent")
    found = [d for d in lint_corpus(story, select="NL509") if d.path.endswith("mt.txt") and "other way round" in d.message]
    assert [(d.text, str(d.severity), d.suggestion) for d in found] == [("19 percent", "warning", "14 percent")]
    assert len(found[0].related) == 3


@pytest.mark.parametrize("mt", ["from 19 percent to 14 percent", "to 14 percent, from 19 percent"])
def test_a_change_written_in_another_order_is_not_swapped(lint_corpus: CorpusFactory, mt: str) -> None:
    story = _told(EASED, mt, "to 14 percent from 19 percent")
    assert not [d for d in lint_corpus(story, select="NL509") if "other way round" in d.message]


def test_swapped_ends_need_the_outlets_to_agree(lint_corpus: CorpusFactory) -> None:
    """One outlet against another, with the translation on one side: nothing to report."""
    story = _told(EASED, "to 19 percent from 14 percent", "to 14 percent from 19 percent",
                  "to 19 percent from 14 percent", "to 14 percent from 19 percent")
    assert not [d for d in lint_corpus(story, select="NL509") if "other way round" in d.message
                and str(d.severity) == "warning"]


def test_a_currency_the_hand_list_lacks_is_a_currency(lint_corpus: CorpusFactory) -> None:
    """Currency words come from ISO 4217 (pycountry), plurals too: "40 million dollars" where
    the others write "40 million soles" is the currency swapped; "40 million cedis" against
    "40 million soles" is a swap between two such words."""
    drift = [d for d in lint_corpus(_told(REPAIRS, "40 million dollars", "40 million soles"), select="NL509")
             if "dollars" in d.text]
    assert [str(d.severity) for d in drift] == ["warning"]
    assert "the currency: dollar for sol" in drift[0].message
    drift = [d for d in lint_corpus(_told(REPAIRS, "40 million cedis", "40 million soles"), select="NL509")
             if "cedis" in d.text]
    assert "the currency: cedi for sol" in drift[0].message


def test_a_number_before_a_word_iso_lists_for_a_fund_is_no_sum() -> None:
    """ISO 4217 also names funds, metals and a "Mark": "the 50 mark" and "12 units" are no sums."""
    found = [(f.kind, f.unit) for f in extract_figures(tokenize("passed the 50 mark with 12 units of gold"))]
    assert ("amount", "mark") not in found and ("amount", "unit") not in found and ("amount", "gold") not in found


def test_one_currency_spelled_two_ways_is_not_drift(lint_corpus: CorpusFactory) -> None:
    found = _figures_checked(lint_corpus, _told(REPAIRS, "40 million Canadian dollars", "C$40 million"))
    assert not [d for d in found if "40 million" in d.text]


def test_counts_of_two_things_with_swapped_digits_are_two_facts(lint_corpus: CorpusFactory) -> None:
    """"12 bridges" and "21 schools" at the same place say two things; only people counted by
    two nouns ("residents", "inhabitants") are one count."""
    story = _told("The storm damaged {} across the valley.", "21 schools", "12 bridges")
    found = _figures_checked(lint_corpus, story)
    assert not [d for d in found if "21" in d.text and str(d.severity) != "info"]


GUSTS = "Gusts of up to {} tore tiles from the pumping station roof."


def test_a_speed_in_another_unit_with_the_same_number_is_drift(lint_corpus: CorpusFactory) -> None:
    drift = [d for d in lint_corpus(_told(GUSTS, "90 mph", "90 km/h"), select="NL509") if "mph" in d.text]
    assert [str(d.severity) for d in drift] == ["warning"]
    assert "km/h" in drift[0].message


@pytest.mark.parametrize("mt", ["90 kilometres per hour", "90 kph", "56 mph", "90 km/h (56 mph)"])
def test_the_same_speed_written_otherwise_or_converted_is_not_drift(lint_corpus: CorpusFactory, mt: str) -> None:
    found = _figures_checked(lint_corpus, _told(GUSTS, mt, "90 km/h"))
    assert not [d for d in found if d.text.startswith(("90", "56"))]


PLUMBERS = (
    "About 140 plumbers from neighbouring counties were checking household pipes{}.",
    "Some 140 plumbers drafted in from nearby counties inspected home pipework{}.",
)


def _plumbers(mt: str, hurt: str = "") -> dict[str, str]:
    """The outlets count 140 plumbers (and, with ``hurt``, "; N plumbers were hurt" too)."""
    extra = f"; {hurt} plumbers were hurt" if hurt else ""
    wire, b = (line.format(extra) for line in PLUMBERS)
    return _with_sentence(wire=wire, b=b, c=wire, mt=mt)


def test_a_count_off_by_ten_is_drift_where_the_article_counts_the_noun_once(
    lint_corpus: CorpusFactory,
) -> None:
    """The translation's sentence shares no word with its siblings' but the noun: it counts
    plumbers once, each sibling has one count of them related to it (beside "3 plumbers were
    hurt"), and 14 against 140 is a dropped zero."""
    story = _plumbers("With the support of volunteers, about 14 plumbers are operating.", hurt="3")
    drift = [d for d in lint_corpus(story, select="NL509") if d.text == "14"]
    assert [str(d.severity) for d in drift] == ["warning"]
    assert "140" in drift[0].message


@pytest.mark.parametrize(
    "mt",
    [
        "With the support of volunteers, about 25 plumbers are operating.",
        "About 14 plumbers are operating at night and 60 plumbers by day.",
    ],
)
def test_an_unrelated_count_or_one_of_two_counts_of_the_noun_is_not_paired_without_context(
    lint_corpus: CorpusFactory, mt: str
) -> None:
    found = _figures_checked(lint_corpus, _plumbers(mt))
    assert not [d for d in found if d.text in ("14", "25", "60", "140") and str(d.severity) != "info"]


def test_an_institution_spelled_in_another_locale_is_the_same_institution(lint_corpus: CorpusFactory) -> None:
    """A British outlet writes the union's name with its own spelling: the same body, not
    another one in the slot."""
    line = "The Riverside Federation of {} said its members would help hand out water."
    story = _told(line, "Labor", "Labor", "Labour", "Labor")
    found = lint_corpus(story, select="NL502")
    assert [d for d in found if "Federation" in d.text] == []
    other = lint_corpus(_told(line.replace("Federation of {}", "{}"), "Chamber of Trades", "Federation of Labor"),
                        select="NL502")
    assert ("mt.txt", "Riverside Chamber of Trades", "warning") in names(other, "NL502")


def test_two_renderings_of_one_body_s_name_are_only_info(lint_corpus: CorpusFactory) -> None:
    """A translation renders the utility regulator's name in other words that say what it does
    alike ("Water Supply Oversight Board" for "Board for Water Supply Supervision"): likely one
    body, info; a body of another purpose in the slot stays a warning."""
    line = "The {} said the utility must test the water twice a day until further notice."
    found = [(Path(d.path).name, d.text, str(d.severity))
             for d in lint_corpus(_told(line, "Water Supply Oversight Board", "Board for Water Supply Supervision"),
                                  select="NL502")]
    assert found == [("mt.txt", "Water Supply Oversight Board", "info")]
    other = [(Path(d.path).name, d.text, str(d.severity))
             for d in lint_corpus(_told(line, "Fisheries Inspection Board", "Board for Water Supply Supervision"),
                                  select="NL502")]
    assert other == [("mt.txt", "Fisheries Inspection Board", "warning")]


def test_a_name_the_story_gives_as_another_name_of_the_body_is_the_same_institution(
    lint_corpus: CorpusFactory,
) -> None:
    """An outlet writes "the Vale Water Board (Corran Reservoir Authority)": the translation's
    "Vale Water Board" in the slot where the others write the authority is the same body."""
    line = "The {} said the reservoir would be drained and cleaned by Friday."
    story = _told(line, "Vale Water Board", "Corran Reservoir Authority")
    assert ("mt.txt", "Vale Water Board", "warning") in names(lint_corpus(story, select="NL502"), "NL502")
    for introduced in ("the Corran Reservoir Authority (Vale Water Board)",
                       "the Corran Reservoir Authority, also known as the Vale Water Board,"):
        told = dict(story)
        told["b.txt"] += f"Samples were taken by {introduced} on Sunday.\n"
        assert [d for d in lint_corpus(told, select="NL502") if "Water Board" in d.text] == []


def test_two_organs_of_a_party_in_one_slot_are_only_info(lint_corpus: CorpusFactory) -> None:
    """One outlet names the party, the others its county committee: no state body changed."""
    line = "The {} said volunteers would hand out bottled water at the town hall."
    found = [(Path(d.path).name, str(d.severity)) for d in
             lint_corpus(_told(line, "Green Party", "Vale County Party Committee"), select="NL502")]
    assert found == [("mt.txt", "info")]


def test_an_institution_whose_name_names_another_country_says_so(lint_corpus: CorpusFactory) -> None:
    """A translation puts a body named after another country where the others name their own
    ("the Austrian Water Inspectorate" in a story about Ireland whose articles name the
    Clearwater one)."""
    line = ("The {} said the utility must test the water twice a day until further notice. "
            "It is the worst outbreak in Ireland since 2011, when Dublin boiled its water for a week.")
    found = [d for d in lint_corpus(_told(line, "Austrian Water Inspectorate", "Clearwater Inspectorate"),
                                    select="NL502") if "Inspectorate" in d.text]
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]
    assert "its name places it in Austria" in found[0].message


def test_an_institution_named_with_its_words_in_another_order_is_the_same_institution(
    lint_corpus: CorpusFactory,
) -> None:
    """A translation writes "the Civil Guard of Riverside" where the others write "the
    Riverside Civil Guard": one body, its place moved behind "of"."""
    line = "The {} said its members would help hand out water."
    story = _told(line, "Civil Guard of Riverside", "Riverside Civil Guard")
    assert [d for d in lint_corpus(story, select="NL502") if "Guard" in d.text] == []
    other = lint_corpus(_told(line, "Riverside Coast Guard", "Riverside Civil Guard"), select="NL502")
    assert ("mt.txt", "Riverside Coast Guard", "warning") in names(other, "NL502")


def test_an_institution_written_with_or_without_a_hyphen_is_the_same_institution(
    lint_corpus: CorpusFactory,
) -> None:
    """A translation writes "Anticorruption" where the others write "Anti-Corruption": one
    body spelled two ways, not another body in the slot."""
    line = "The Riverside {} Office said its auditors found irregular payments in the bridge tender."
    story = _told(line, "Anticorruption", "Anti-Corruption")
    assert [d for d in lint_corpus(story, select="NL502") if "Office" in d.text] == []
    other = lint_corpus(_told(line, "Procurement", "Anti-Corruption"), select="NL502")
    assert ("mt.txt", "Riverside Procurement Office", "warning") in names(other, "NL502")


def test_a_count_placed_after_the_same_word_is_compared_though_the_aligner_pairs_it_elsewhere(
    lint_corpus: CorpusFactory,
) -> None:
    """"and 7 were hurt" against "and 12 more were hurt": the word alignment puts "7" on
    "more", but both counts follow the same "and"."""
    line = "Two men died and {} were hurt when the old wall of the depot fell on Friday."
    found = [d for d in lint_corpus(_told(line, "7", "12 more"), select="NL509") if d.text == "7"]
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]
    other = _told("Crews cleared {} by noon on Friday, the depot manager said.", "7 roads", "12 trees")
    assert not [d for d in lint_corpus(other, select="NL509") if d.text.startswith("7") and str(d.severity) != "info"]


def test_a_weekday_before_a_date_in_figures_that_matches_neither_reading(lint_corpus: CorpusFactory) -> None:
    """"Wednesday (11/3/2025)": 11 March 2025 was a Tuesday and 3 November 2025 a Monday. A
    weekday that matches either reading (day first or month first) is right."""
    line = "The river burst its banks early on {} and flooded the lower town."
    wrong = [d for d in lint_corpus(_told(line, "Wednesday (11/3/2025)", "Tuesday, March 11"), select="NL509")
             if d.text == "Wednesday"]
    assert [(Path(d.path).name, str(d.severity), d.suggestion) for d in wrong] == [("mt.txt", "warning", "Tuesday")]
    for right in ("Tuesday (11/3/2025)", "Monday (11/3/2025)", "Tuesday 11.03.2025"):
        found = lint_corpus(_told(line, right, "Tuesday, March 11"), select="NL509")
        assert not [d for d in found if "does not match the date beside it" in d.message], right


def test_a_weekday_before_an_ordinal_day_is_checked_in_the_month_of_the_articles_dates(
    lint_corpus: CorpusFactory,
) -> None:
    """"Thursday the 18th" in an article dated 3 March 2025: the 18th of March was a Tuesday,
    and of February and April a Tuesday and a Friday; with "of March" written, only March."""
    line = "The council will meet again on {} to decide on the repairs."
    found = [d for d in lint_corpus(_told(line, "Thursday the 18th", "Tuesday the 18th"), select="NL509")
             if d.text.startswith("Thursday")]
    assert [(Path(d.path).name, str(d.severity), d.suggestion) for d in found] == [("mt.txt", "warning", "Tuesday")]
    assert "March 2025" in found[0].message
    written = [d for d in lint_corpus(_told(line, "Sunday the 21st of March", "Friday, March 21"), select="NL509")
               if "does not match the date" in d.message and d.text.startswith("Sunday")]
    assert [(d.text, d.suggestion) for d in written] == [("Sunday the 21st of March", "Friday")]


def test_a_weekday_before_an_ordinal_day_that_fits_a_month_beside_is_not_reported(
    lint_corpus: CorpusFactory,
) -> None:
    """Right in March ("Tuesday the 18th"), right in April ("Friday the 18th": a meeting
    announced for next month), a count that is no ordinal ("Thursday the 18 members"), and
    an outlet with no date of its own to take the month from: all quiet."""
    line = "The council will meet again on {} to decide on the repairs."
    for mt in ("Tuesday the 18th", "Friday the 18th", "Thursday the 18 members"):
        found = lint_corpus(_told(line, mt, mt), select="NL509")
        assert not [d for d in found if "does not match the date" in d.message and d.text != "Tuesday, March 3"], mt
    found = lint_corpus(_told(line, "Tuesday the 18th", "Thursday the 18th"), select="NL509")
    assert sorted(Path(d.path).name for d in found if d.text == "Thursday the 18th") == ["wire.txt"]


def test_the_same_number_in_another_unit_is_drift_though_a_word_of_change_is_near(
    lint_corpus: CorpusFactory,
) -> None:
    """"reached 180 centimeters" against "180 millimeters": an update changes the number,
    not the unit; another number near "reached" stays a possible update (info)."""
    line = "Rainfall at the hill station {} in six hours, the weather office said."
    swapped = [d for d in lint_corpus(_told(line, "reached 180 centimeters", "was 180 millimeters"), select="NL509")
               if d.text.startswith("180")]
    assert [(Path(d.path).name, str(d.severity)) for d in swapped] == [("mt.txt", "warning")]
    changed = [d for d in lint_corpus(_told(line, "reached 240 millimeters", "was 180 millimeters"), select="NL509")
               if d.text.startswith("240")]
    assert changed and all(str(d.severity) == "info" for d in changed)


def test_tons_against_tonnes_is_only_info(lint_corpus: CorpusFactory) -> None:
    """A U.S. outlet's "tons" are often the metric tonnes the others give."""
    line = "Crews pumped {} of sludge out of the reservoir overnight."
    drift = [d for d in lint_corpus(_told(line, "140 tonnes", "140 tons"), select="NL509") if "140" in d.text]
    assert [str(d.severity) for d in drift] == ["info"]
    other = [d for d in lint_corpus(_told(line, "140 kilograms", "140 tons"), select="NL509") if "140" in d.text]
    assert [str(d.severity) for d in other] == ["warning"]


def test_a_count_of_another_fact_beside_the_siblings_other_counts_is_not_paired(lint_corpus: CorpusFactory) -> None:
    """"2 plumbers died" against the siblings' "20 plumbers were hurt": related values, but the
    siblings count plumbers twice, the sentences share no word and neither is approximate."""
    found = _figures_checked(lint_corpus, _plumbers("On Sunday 2 plumbers died when a wall collapsed.", hurt="20"))
    assert not [d for d in found if d.text == "2" and str(d.severity) != "info"]


def test_another_given_name_in_the_sentence_that_says_the_same_is_info(lint_corpus: CorpusFactory) -> None:
    """"Ingrid Ilves" where the other outlets quote "Marta Ilves" in the same sentence: info
    (a translation that replaced the given name, or two relatives), never a warning."""
    story = _ban_story('"The club has treated him unfairly and we will fight this," she said.')
    story["mt.txt"] = story["mt.txt"].replace("his agent Marta Ilves told", "his agent Ingrid Ilves told")
    found = [d for d in lint_corpus(story, select="NL401") if d.code == "NL401"]
    assert [(Path(d.path).name, d.text, str(d.severity)) for d in found] == [("mt.txt", "Ingrid Ilves", "info")]
    assert "another given name" in found[0].message


def test_two_relatives_named_side_by_side_are_not_one_person(lint_corpus: CorpusFactory) -> None:
    """An article that names "Ingrid Ilves" and "Marta Ilves" both shows they are two people."""
    story = _ban_story('"The club has treated him unfairly and we will fight this," she said.')
    story["mt.txt"] = story["mt.txt"].replace(
        "his agent Marta Ilves told", "his agent Ingrid Ilves told").replace(
        "has not commented", "and Marta Ilves, the agent's sister, have not commented")
    found = [d for d in lint_corpus(story, select="NL401") if d.code == "NL401"]
    assert found == []


def test_two_firms_with_a_common_word_for_a_surname_are_not_a_given_name_swap(
    lint_corpus: CorpusFactory,
) -> None:
    """"Orvik Shipping" where the other outlets write "Talmo Shipping": a common word after
    another name is a firm's name, not a person whose given name changed."""
    story = _ban_story('"The club has treated him unfairly and we will fight this," she said.')
    for name in story:
        story[name] = story[name].replace(
            "The Tallinn club has not commented", "Talmo Shipping, the club's sponsor, has not commented")
    story["mt.txt"] = story["mt.txt"].replace("Talmo Shipping", "Orvik Shipping")
    found = [d for d in lint_corpus(story, select="NL401") if d.code == "NL401"]
    assert found == []


# One report from a city abroad, translated into English by four systems on their own:
# the same sentences in the same order, each worded its own way.
WATER_TOLD = (
    ("{city} water company finishes new pumping station",
     "{dateline} - The water company of {city} finished a new pumping station on Thursday after "
     "two years of building, the city council said.",
     "Chief engineer Yuliia Kovalchuk said the station would serve 80,000 households from "
     "next week.",
     "The station cost 35 million, paid for the most part by a loan from a development bank.",
     "Households in the eastern districts had low pressure for years, Kovalchuk told reporters."),
    ("New pumping station of the {city} water company is finished",
     "{dateline} - After two years of construction the water company of {city} completed a new "
     "pumping station on Thursday, according to the city council.",
     "According to chief engineer Yuliia Kovalchuk, the station will supply 80,000 households "
     "starting next week.",
     "The cost of the station was 35 million, mostly covered by a loan of a development bank.",
     "Kovalchuk told journalists that households in the eastern districts suffered low pressure "
     "for years."),
    ("{city}: the water company completed a new pumping station",
     "{dateline} - On Thursday the water company of {city} completed a new pumping station, "
     "built during two years, the city council informed.",
     "The chief engineer Yuliia Kovalchuk stated that the station will serve 80,000 households "
     "from the next week.",
     "The station cost 35 million, which were in the greater part financed by a credit of a "
     "development bank.",
     "The households of the eastern districts had weak pressure for many years, said Kovalchuk "
     "to reporters."),
    ("In {city} a new pumping station of the water company was completed",
     "{dateline} - A new pumping station of the {city} water company was completed on Thursday "
     "after two years of works, the city council reported.",
     "The chief engineer {name} declared that the station will serve 80,000 households as of "
     "next week.",
     "The station cost 35 million, for the bigger part paid from a loan of a development bank.",
     "For years the households of the eastern districts had low water pressure, said "
     "{surname} to the reporters."),
)


WATER_BACKGROUND = (
    "The old station, built in 1968, broke down twice last winter.",
    "Residents of two districts then carried water from tanker trucks for a week.",
    "A second station is planned for the southern districts, the council said.",
)


def _water(
    name: str, city: str = "Lviv", dateline: str = "LVIV, Ukraine", copies: int = 0,
    own_reports: bool = False,
) -> dict[str, str]:
    """Four parallel translations of one report, the last writing the engineer as ``name``;
    ``copies``: the first one republished that many times; ``own_reports``: the first three
    are each an outlet's own report with background of its own, not parallel to the last."""
    files = {}
    for n, told in enumerate(WATER_TOLD):
        lines = [line.format(city=city, dateline=dateline, name=name, surname=name.split()[-1])
                 for line in told]
        if own_reports and n < 3:
            lines.insert(2 + n % 2, " ".join(WATER_BACKGROUND[: n + 1]))
            lines.extend(WATER_BACKGROUND[n:])
        files[f"t{n}.txt"] = "\n\n".join(lines) + "\n"
    for n in range(copies):
        files[f"copy{n}.txt"] = files["t0.txt"]
    return files


def _engineer(diagnostics: list[Diagnostic]) -> list[tuple[str, str, str]]:
    return [(Path(d.path).name, d.text, str(d.severity)) for d in diagnostics if d.code == "NL401"]


def test_a_name_romanized_otherwise_by_one_of_parallel_translations_from_abroad_is_info(
    lint_corpus: CorpusFactory,
) -> None:
    """Four translations of one Ukrainian report: "Kovaltchuk" for "Kovalchuk" and "Yulia" for
    "Yuliia" are another romanization of the same letters, not an error of the fourth."""
    diagnostics = lint_corpus(_water("Yulia Kovaltchuk"), select="NL401")
    assert _engineer(diagnostics) == [("t3.txt", "Yulia Kovaltchuk", "info"), ("t3.txt", "Kovaltchuk", "info")]
    assert "romanization schemes choose" in diagnostics[0].message


def _water_abroad(where: tuple[str, str], theirs: tuple[str, str], mine: tuple[str, str]) -> dict[str, str]:
    """The four translations about a city (``where``: its name and dateline), the engineer
    ``theirs`` (full name, bare surname) in the first three and ``mine`` in the last."""
    files = _water("Yulia Kovaltchuk", city=where[0], dateline=where[1])
    for n in range(3):
        files[f"t{n}.txt"] = files[f"t{n}.txt"].replace("Yuliia Kovalchuk", theirs[0]).replace("Kovalchuk", theirs[1])
    files["t3.txt"] = files["t3.txt"].replace("Yulia Kovaltchuk", mine[0]).replace("Kovaltchuk", mine[1])
    return files


def _korean_water(name: str, surname: str) -> dict[str, str]:
    return _water_abroad(("Daegu", "DAEGU, South Korea"), ("Choi Eun-jung", "Choi"), (name, surname))


def test_a_korean_name_in_another_romanization_scheme_is_info(lint_corpus: CorpusFactory) -> None:
    """"Choe Eun-jeong" (McCune-Reischauer) where three translations write "Choi Eun-jung": one
    name in two schemes, each translation free to pick one; "Choi Eun-jing" is no scheme's."""
    found = _engineer(lint_corpus(_korean_water("Choe Eun-jeong", "Choe"), select="NL401"))
    assert found and all(severity == "info" for _, _, severity in found)
    found = _engineer(lint_corpus(_korean_water("Choi Eun-jing", "Choi"), select="NL401"))
    assert [severity for _, text, severity in found if text == "Choi Eun-jing"] in (["warning"], ["error"])


def _egyptian_water(name: str, surname: str) -> dict[str, str]:
    return _water_abroad(("Assiut", "ASSIUT, Egypt"), ("Mohamed Soliman", "Soliman"), (name, surname))


def test_an_arabic_name_vowelled_otherwise_by_a_parallel_translation_is_info(lint_corpus: CorpusFactory) -> None:
    """"Muhammad Suleiman" where three translations write "Mohamed Soliman": Arabic writes no
    short vowels, so each translation vowels the name its own way; a dropped syllable
    ("Mohamed Solim") is still a variant."""
    found = _engineer(lint_corpus(_egyptian_water("Muhammad Suleiman", "Suleiman"), select="NL401"))
    assert found and all(severity == "info" for _, _, severity in found)
    found = _engineer(lint_corpus(_egyptian_water("Mohamed Solim", "Solim"), select="NL401"))
    assert any(text == "Mohamed Solim" and severity != "info" for _, text, severity in found)


def test_a_given_name_in_another_language_s_form_among_parallel_translations_is_info(
    lint_corpus: CorpusFactory,
) -> None:
    """"Alexander Kovaltchuk" (from a Russian text) where three translations of Ukrainian ones
    write "Oleksandr Kovalchuk": one family's given name and another romanization of the surname."""
    files = _water("Alexander Kovaltchuk")
    for n in range(3):
        files[f"t{n}.txt"] = files[f"t{n}.txt"].replace("Yuliia Kovalchuk", "Oleksandr Kovalchuk")
    diagnostics = lint_corpus(files, select="NL401")
    found = _engineer(diagnostics)
    assert ("t3.txt", "Alexander Kovaltchuk", "info") in found
    assert all(severity == "info" for _, _, severity in found)


def test_a_name_in_the_other_order_among_parallel_translations_from_abroad_is_info(
    lint_corpus: CorpusFactory,
) -> None:
    """A translation that writes the family name first, as the source language does: the
    same name, in an order the others do not use."""
    diagnostics = lint_corpus(_water("Kovalchuk Yuliia"), select="NL401")
    assert _engineer(diagnostics) == [("t3.txt", "Kovalchuk Yuliia", "info")]
    assert "order of the names" in diagnostics[0].message


def test_another_spelling_among_parallel_translations_from_abroad_is_still_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """A changed vowel is no romanization choice: reported as the corpus's name authority
    reports it (an error: the same given name backs the other form)."""
    found = _engineer(lint_corpus(_water("Yuliia Kovalchak"), select="NL401"))
    assert found == [("t3.txt", "Yuliia Kovalchak", "error"), ("t3.txt", "Kovalchak", "error")]


def test_a_name_romanized_otherwise_in_a_story_from_an_english_speaking_country_is_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    files = _water("Yulia Kovaltchuk", city="Winnipeg", dateline="WINNIPEG, Manitoba")
    found = _engineer(lint_corpus(files, select="NL401"))
    assert found == [("t3.txt", "Yulia Kovaltchuk", "warning"), ("t3.txt", "Kovaltchuk", "warning")]


def test_a_name_romanized_otherwise_in_a_story_from_a_country_that_writes_latin_script_is_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """Turkish is written in Latin letters: translations copy a name as it is written, so
    another spelling is an error, not another romanization."""
    files = _water("Yulia Kovaltchuk", city="Izmir", dateline="IZMIR, Turkey")
    found = _engineer(lint_corpus(files, select="NL401"))
    assert found == [("t3.txt", "Yulia Kovaltchuk", "warning"), ("t3.txt", "Kovaltchuk", "warning")]


def test_writes_another_script_follows_the_country_s_main_language() -> None:
    from lint.context.languages import writes_another_script

    assert writes_another_script("UA") and writes_another_script("KR") and writes_another_script("GR")
    assert not writes_another_script("TR") and not writes_another_script("PL")
    assert not writes_another_script("XX")


def test_a_name_romanized_otherwise_against_a_republished_report_is_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """Copies of one English text among the agreeing articles: the name was printed in English
    and the others reprint it as it stands."""
    found = _engineer(lint_corpus(_water("Yulia Kovaltchuk", copies=2), select="NL401"))
    assert found == [("t3.txt", "Yulia Kovaltchuk", "warning"), ("t3.txt", "Kovaltchuk", "warning")]


def test_a_name_romanized_otherwise_against_outlets_own_reports_is_a_warning(
    lint_corpus: CorpusFactory,
) -> None:
    """The outlets that agree wrote reports of their own (background the translation lacks):
    they are not translations of the text the article translates, and name the engineer as
    she is known in English."""
    found = _engineer(lint_corpus(_water("Yulia Kovaltchuk", own_reports=True), select="NL401"))
    assert found == [("t3.txt", "Yulia Kovaltchuk", "warning"), ("t3.txt", "Kovaltchuk", "warning")]


def test_romanized_forms_differ_only_where_schemes_choose() -> None:
    from lint.names.fold import romanized

    assert romanized(("Aleksei", "Gnatiuk"), ("Alexey", "Hnatyuk"))
    assert not romanized(("Yuliia", "Kovalchuk"), ("Yuliia", "Kovalchak"))
    assert not romanized(("Yuliia", "Kovalchuk"), ("Yuliia", "Maria", "Kovalchuk"))


def test_french_and_english_romanizations_of_arabic_names_are_one_scheme_choice() -> None:
    """French schemes write /w/ before a vowel "ou" and /j/ "dj": "Abdelouahed" and "Abdelwahed",
    "Djamila" and "Jamila"; "ou" is still /u/ where the other form has "u" ("Souad", "Suad").
    Another letter is another name ("Jamila", "Kamila")."""
    from lint.names.fold import romanized

    assert romanized(("Abdelouahed", "Benali"), ("Abdelwahed", "Benali"))
    assert romanized(("Djamila",), ("Jamila",))
    assert romanized(("Souad",), ("Suad",))
    assert not romanized(("Djamila",), ("Kamila",))


def test_a_library_named_shorter_is_an_institution_slot_not_a_person(lint_corpus: CorpusFactory) -> None:
    """"Lviv Library" where the others name "Lviv Scientific Library": an institution's name
    (NL502), not a person's name with a middle name dropped (NL401)."""
    files = _water("Yuliia Kovalchuk")
    for name in files:
        library = "the Lviv Library" if name == "t3.txt" else "the Lviv Scientific Library"
        files[name] += f"Leaflets about the new station can be collected at {library} until Friday.\n"
    diagnostics = lint_corpus(files, select=("NL401", "NL502"))
    assert not [d for d in diagnostics if d.code == "NL401"]
    # the three that print the same sentence vote for its name: nothing on them, not even info
    assert [(Path(d.path).name, d.text, str(d.severity)) for d in diagnostics
            if d.code == "NL502"] == [("t3.txt", "Lviv Library", "warning")]


def test_a_level_of_government_written_or_left_out_is_only_info(lint_corpus: CorpusFactory) -> None:
    """"the Lviv Regional Library" against "the Lviv Library", "the Yancheng Municipal Bureau"
    against "the Yancheng Bureau": translations write or drop such a word; info, not a warning."""
    files = _water("Yuliia Kovalchuk")
    for name in files:
        library = "the Lviv Library" if name == "t3.txt" else "the Lviv Regional Library"
        files[name] += f"Leaflets about the new station can be collected at {library} until Friday.\n"
    diagnostics = lint_corpus(files, select="NL502")
    assert [(Path(d.path).name, d.text, str(d.severity)) for d in diagnostics] == [
        ("t3.txt", "Lviv Library", "info")]


def _evacuation_story(mt_count: str) -> dict[str, str]:
    head = "Floods force thousands from river villages\n\n"
    wire = head + (
        "KAPPELN, Germany (Coast Wire) - Floods forced 4,600 residents from villages along the Schlei "
        "river on Sunday, the district emergency office said.\n\n"
        "Pumps were moved to the lowest streets overnight, the office said.\n")
    outlet = head + (
        "KAPPELN, Germany - The district emergency office said 4,600 residents had to leave villages "
        "along the Schlei river on Sunday because of the floods.\n\n"
        "Overnight the pumps were moved to the lowest streets.\n")
    mt = head + (
        f"KAPPELN, Germany - On Sunday the floods forced {mt_count} along the Schlei river from the "
        "villages, the emergency office of the district said.\n\n"
        "The pumps were brought overnight to the lowest streets, the office said.\n")
    return {"wire.txt": wire, "b.txt": outlet, "mt.txt": mt}


def test_people_counted_as_masses_pair_with_residents_when_the_values_are_related(
    lint_corpus: CorpusFactory,
) -> None:
    """Machine translation renders Chinese 群众 as 'masses': '46,000 masses' is the fact the
    others give as '4,600 residents', with a zero too many."""
    found = [(Path(d.path).name, d.text, d.suggestion)
             for d in lint_corpus(_evacuation_story("46,000 masses"), select="NL509")]
    assert found == [("mt.txt", "46,000", "4,600")]


def test_masses_of_an_unrelated_count_are_another_fact(lint_corpus: CorpusFactory) -> None:
    assert not lint_corpus(_evacuation_story("1,300 masses"), select="NL509")


def test_a_share_in_words_is_a_figure_and_an_ordinal_is_not() -> None:
    def shares(text: str) -> list[float]:
        return [round(f.value, 3) for f in extract_figures(tokenize(text)) if f.kind == "fraction"]

    assert shares("Fares will fall by a third next year.") == [0.333]
    assert shares("Nearly two thirds of the flats were empty.") == [0.667]
    assert shares("Half of the ferries stayed in port.") == [0.5]
    assert shares("She won a third term in May.") == []
    assert shares("The hosts scored twice in the second half.") == []


def _fares_story(mt_share: str) -> dict[str, str]:
    head = "Ferry fares to fall next spring\n\n"
    wire = head + (
        "TROMSO, Norway (Fjord Wire) - Ferry fares on the northern routes will fall by a third from "
        "April, the county transport office said on Monday.\n\n"
        "The cut is paid for by a new fuel tax on cruise ships, the office said.\n")
    outlet = head + (
        "TROMSO, Norway - The county transport office said on Monday that fares on the northern "
        "ferry routes would be cut by one third from April.\n\n"
        "A new fuel tax on cruise ships will pay for the cut.\n")
    mt = head + (
        f"TROMSO, Norway - From April the fares of the ferries on the northern routes will fall by "
        f"{mt_share}, the transport office of the county said on Monday.\n\n"
        "The reduction is financed by a new fuel tax on cruise ships, said the office.\n")
    return {"wire.txt": wire, "b.txt": outlet, "mt.txt": mt}


def test_a_share_the_other_articles_give_otherwise_is_fact_drift(lint_corpus: CorpusFactory) -> None:
    found = [(Path(d.path).name, d.text, str(d.severity), d.suggestion in ("a third", "one third"))
             for d in lint_corpus(_fares_story("a half"), select="NL509")]
    assert found == [("mt.txt", "a half", "warning", True)]


def test_one_third_and_a_third_are_the_same_share(lint_corpus: CorpusFactory) -> None:
    assert not lint_corpus(_fares_story("one third"), select="NL509")


# --- NL513 negation-drift ------------------------------------------------------------------------

FOOTBRIDGE = "The council said the Corran footbridge {} before the spring."


def test_a_dropped_negation_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(_told(FOOTBRIDGE, "would reopen", "would not reopen"), select="NL513")
    assert [(Path(d.path).name, d.text, str(d.severity), d.suggestion) for d in found] == [
        ("mt.txt", "would reopen", "warning", "would not reopen")]
    assert "lacks the negation" in found[0].message and len(found[0].related) == 3


def test_an_added_negation_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(_told(FOOTBRIDGE, "would never reopen", "would reopen"), select="NL513")
    assert [(Path(d.path).name, d.text, str(d.severity)) for d in found] == [
        ("mt.txt", "would never reopen", "warning")]
    assert "has a negation" in found[0].message


@pytest.mark.parametrize("mt", ["wouldn't reopen", "will not reopen", "would stay shut", "would not be reopened"])
def test_one_polarity_written_otherwise_is_no_negation_drift(lint_corpus: CorpusFactory, mt: str) -> None:
    """A contraction, another negated verb, or other words that the alignment cannot read as a
    negation alone: nothing to report."""
    assert lint_corpus(_told(FOOTBRIDGE, mt, "would not reopen"), select="NL513") == []


def test_a_negation_the_outlets_disagree_on_is_not_reported(lint_corpus: CorpusFactory) -> None:
    story = _told(FOOTBRIDGE, "would reopen", "would not reopen", "would reopen", "would not reopen")
    assert lint_corpus(story, select="NL513") == []


SAMPLES = "The engineers checked the pipes, and {} was found in the samples taken on Sunday."


def test_a_negative_quantifier_turned_into_its_opposite_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    """"nothing was found" where the translation writes "everything was found"."""
    found = lint_corpus(_told(SAMPLES, "everything", "nothing"), select="NL513")
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]
    assert "opposite word" in found[0].message
    told = _told("The crew stayed calm{} panicked, the captain said.", ", but everyone", " and no one")
    assert [Path(d.path).name for d in lint_corpus(told, select="NL513")] == ["mt.txt"]


@pytest.mark.parametrize(("mt", "others"), [
    ("nothing", "nothing"),
    ("no one", "nobody"),  # the same quantifier written two ways
    ("everything", "something"),  # no negative quantifier on either side
])
def test_quantifiers_that_say_the_same_or_no_opposite_are_no_drift(
    lint_corpus: CorpusFactory, mt: str, others: str,
) -> None:
    assert lint_corpus(_told(SAMPLES, mt, others), select="NL513") == []


def test_a_negation_dropped_with_its_tense_changed_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    """"there have been reports of damage" where the others write "there are no reports" or
    "until now there has been no report": the auxiliaries changed with the negation, and
    "until now" means so far, not an update."""
    line = "{} of damage to the footbridge, the council said."
    story = _told(line, "So far there have been reports", "So far there are no reports",
                  "Until now there has been no report", "So far there are no reports")
    found = lint_corpus(story, select="NL513")
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]
    same = _told(line, "So far there have been no reports", "So far there are no reports",
                 "Until now there has been no report", "So far there are no reports")
    assert lint_corpus(same, select="NL513") == []
    tense = _told(line, "So far there have been reports", "So far there are reports")
    assert lint_corpus(tense, select="NL513") == []


def test_a_word_of_opposite_meaning_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    """"the damage was lighter than feared" where the others write "heavier" (rules/antonyms.toml),
    the words around alike; another word that is no opposite gives no vote."""
    line = "The storm damage to the footbridge was {} than the engineers had feared, the council said."
    found = lint_corpus(_told(line, "lighter", "heavier"), select="NL513")
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]
    assert "lighter" in found[0].text and "heavier" in (found[0].suggestion or found[0].message)
    assert "opposite word" in found[0].message
    assert lint_corpus(_told(line, "worse", "heavier"), select="NL513") == []
    closure = "The council said the closure of the footbridge would be {} because of the damage."
    found = lint_corpus(_told(closure, "temporary", "permanent"), select="NL513")
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]


def test_a_dropped_not_yet_with_its_auxiliaries_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    """"the footbridge was fitted" where the others write "has not yet been fitted": the
    negation came with "yet" and other auxiliaries, one change of the verb."""
    line = "The council said the footbridge {} with new lights, a year after the storm."
    found = lint_corpus(_told(line, "was fitted", "has not yet been fitted"), select="NL513")
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]
    assert lint_corpus(_told(line, "has not been fitted", "has not yet been fitted"), select="NL513") == []


def test_no_before_a_number_is_no_negation(lint_corpus: CorpusFactory) -> None:
    story = _told("Buses on route {} were diverted around the flooded underpass.", "No. 5", "5")
    assert lint_corpus(story, select="NL513") == []


def test_a_dropped_negation_beside_another_verb_is_still_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    story = _told("Police {} the driver of the tanker by Tuesday evening.", "have located", "have not found")
    found = lint_corpus(story, select="NL513")
    assert [(Path(d.path).name, str(d.severity)) for d in found] == [("mt.txt", "warning")]


def test_a_sentence_that_negates_with_a_word_of_its_own_is_no_negation_drift(lint_corpus: CorpusFactory) -> None:
    """"denied the leak was serious" says what "said the leak was not serious" says."""
    story = _told("The utility {} the leak was serious.", "denied", "said")
    negated = {name: text.replace("said the leak was serious", "said the leak was not serious")
               for name, text in story.items()}
    assert lint_corpus(negated, select="NL513") == []


def test_a_negation_misspelled_into_another_word_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    """"would now reopen" where the others write "would not reopen": one letter turned the
    sentence round; "now" there stands in the negation's place, not for an update."""
    found = lint_corpus(_told(FOOTBRIDGE, "would now reopen", "would not reopen"), select="NL513")
    assert [(Path(d.path).name, d.text, str(d.severity), d.suggestion) for d in found] == [
        ("mt.txt", "would now reopen", "warning", "would not reopen")]


def test_an_update_beside_a_kept_negation_is_no_misspelling(lint_corpus: CorpusFactory) -> None:
    """"would now not reopen": an update that keeps the negation; and "would soon reopen" is
    more than a letter from "not": the other words of a clause, not a slip."""
    assert lint_corpus(_told(FOOTBRIDGE, "would now not reopen", "would not reopen"), select="NL513") == []
    assert lint_corpus(_told(FOOTBRIDGE, "would now reopen", "would soon reopen"), select="NL513") == []


def test_a_negation_beside_a_longer_change_belongs_to_another_clause() -> None:
    from lint.story.align import word_alignment
    from lint.story.negation import negation_flips

    def flips(mine: str, theirs: str) -> int:
        a, b = tokenize(mine), tokenize(theirs)
        return len(negation_flips(a, b, word_alignment(a, b)))

    assert flips("Gen. Ana Ruiz said the clinic was local but necessary for Ostvale.",
                 "Gen. Ana Ruiz told reporters in Ostvale that the plan was not the end of the matter.") == 0
    assert flips("Police have located the driver of the tanker.", "Police have not found the driver of the tanker.") == 1
    assert flips("The ferry would sail on Monday.", "The ferry would not sail on Monday.") == 1


def test_a_sentence_that_says_the_statement_changed_is_no_negation_drift(lint_corpus: CorpusFactory) -> None:
    """"now says the footbridge would reopen" where the others say it would not: an update."""
    story = _told("The council {} the Corran footbridge would reopen before the spring.", "now says", "said")
    negated = {name: text.replace("said the Corran footbridge would reopen", "said the Corran footbridge would not reopen")
               for name, text in story.items()}
    assert lint_corpus(negated, select="NL513") == []


SAFE_BRIDGE = "Engineers said the Corran footbridge was {} for cyclists before the spring."


def test_a_word_turned_into_its_opposite_by_a_prefix_is_the_odd_one_out(lint_corpus: CorpusFactory) -> None:
    """"unsafe" where the three others write "safe", the rest of the sentence alike: a translation
    that says the opposite, with no "not" to count."""
    found = lint_corpus(_told(SAFE_BRIDGE, "unsafe", "safe"), select="NL513")
    assert [(Path(d.path).name, d.text, str(d.severity), d.suggestion) for d in found] == [
        ("mt.txt", "was unsafe for", "warning", "was safe for")]
    assert "the opposite word" in found[0].message


def test_a_sibling_that_words_the_opposite_otherwise_gives_no_vote(lint_corpus: CorpusFactory) -> None:
    """"quite safe" is the opposite of "unsafe" too, in two words: it neither agrees with the
    article nor counts against the two siblings that write "safe"."""
    found = lint_corpus(_told(SAFE_BRIDGE, "unsafe", "safe", "safe", "quite safe"), select="NL513")
    assert [(Path(d.path).name, d.text, str(d.severity)) for d in found] == [("mt.txt", "was unsafe for", "warning")]


def test_an_opposite_the_outlets_disagree_on_is_not_reported(lint_corpus: CorpusFactory) -> None:
    story = _told(SAFE_BRIDGE, "unsafe", "safe", "unsafe", "safe")
    assert lint_corpus(story, select="NL513") == []


def test_only_a_negative_prefix_on_an_english_word_makes_an_opposite() -> None:
    from lint.story.negation import opposite_by_prefix

    assert all(opposite_by_prefix(a, b) for a, b in (
        ("lucky", "unlucky"), ("possible", "impossible"), ("legal", "illegal"), ("regular", "irregular"),
        ("binding", "non-binding"), ("accurate", "inaccurate")))
    assert not any(opposite_by_prefix(a, b) for a, b in (
        ("press", "impress"), ("formed", "informed"), ("til", "until"), ("valuable", "invaluable"),
        ("ion", "union"), ("coming", "incoming"), ("safe", "safer")))


PENSION_START = "The higher pensions will be paid from {} under the new law, the ministry said."


def test_a_month_named_alone_that_disagrees_with_the_story_is_drift(lint_corpus: CorpusFactory) -> None:
    found = [d for d in lint_corpus(_told(PENSION_START, "June", "July"), select="NL509") if d.text == "June"]
    assert [(Path(d.path).name, str(d.severity), d.suggestion) for d in found] == [("mt.txt", "warning", "July")]


def test_a_month_the_outlets_disagree_on_is_not_drift(lint_corpus: CorpusFactory) -> None:
    story = _told(PENSION_START, "June", "July", "June", "July")
    assert [d for d in lint_corpus(story, select="NL509") if d.text == "June" and str(d.severity) != "info"] == []


def test_a_month_is_a_figure_only_alone_and_named() -> None:
    def kinds(text: str) -> list[str]:
        return [f.kind for f in extract_figures(tokenize(text))]

    assert kinds("Payments start in July, officials said.") == ["month"]
    assert kinds("Payments start on July 4 or 5 September 2025.")[:2] == ["date", "date"]
    assert "month" not in kinds("May the new law help them, she said, as troops march on.")


FLOOD_TOLL = "The floods in the valley left {} by Sunday evening, the county said."


def test_two_counts_paired_crosswise_are_no_drift(lint_corpus: CorpusFactory) -> None:
    """"nine deaths and three people missing" against "nine people dead and three missing": the
    noun pairs "three people" with "nine people", but both sentences give both counts."""
    story = _told(FLOOD_TOLL, "nine deaths and three people missing", "nine people dead and three missing")
    assert [d for d in lint_corpus(story, select="NL509") if d.text in ("three", "nine")] == []


def test_one_of_two_counts_changed_is_still_drift(lint_corpus: CorpusFactory) -> None:
    story = _told(FLOOD_TOLL, "three people dead and three missing", "nine people dead and three missing")
    found = [(Path(d.path).name, d.text, str(d.severity)) for d in lint_corpus(story, select="NL509")]
    assert ("mt.txt", "three", "warning") in found
