"""The story layer (issue 16): stories, alignment and each odd-one-out finding, on an invented
story told by several outlets (never text of the dev corpora)."""

from __future__ import annotations

from pathlib import Path

from lint.diagnostic import Diagnostic
from lint.story.align import StoryDoc, align_story
from lint.story.cluster import StorySettings, group_stories
from lint.story.evidence import vote
from lint.story.figures import extract_figures
from lint.story.people import same_person
from lint.story.text import Sentence, tokenize
from tests.conftest import CorpusFactory

# Four outlets tell one invented story: a ferry strike in the port of Kestrel Bay.
WIRE = """Ferry crews strike at Nordhavn Lines, stranding thousands in Kestrel Bay

KESTREL BAY, March 3, 2025 (Harbour Wire) - Ferry crews at Nordhavn Lines walked out on Monday, stranding about 12,000 passengers at the port of Kestrel Bay.

The Maritime Workers Federation said 87 percent of its members backed the strike in a ballot last week.

"We will not sail until the company restores the safety crews it cut last winter," federation leader Ingrid Solberg told reporters at the Skarvik terminal.

Nordhavn Lines has offered a 3 percent raise and a one-off payment of 1,500 euros per worker.

Transport Minister Teodora Vasquez urged both sides to resume talks. "Every cancelled crossing hurts the islands," she said.

The Coastal Navigation Authority said it would keep the northern route open for emergency crossings.
"""

OUTLET_B = """Kestrel Bay ferry strike leaves islanders waiting

Thousands of islanders were stuck in Kestrel Bay on Monday after ferry crews at Nordhavn Lines stopped work in a dispute over safety crews.

In a ballot last week, 87 percent of members of the Maritime Workers Federation voted for the strike, the union said.

"We will not sail until the company restores the safety crews it cut last winter," Ingrid Solberg, who leads the federation, said at the Skarvik terminal.

The company has offered a 3 percent raise and a one-off payment of 1,500 euros for each worker.

Teodora Vasquez, the transport minister, called on both sides to return to talks and said she was worried about the islands.

The Coastal Navigation Authority kept the northern route open for emergency crossings, it said.
"""

OUTLET_C = """Nordhavn Lines crews walk out, halting Kestrel Bay ferries

Crews of Nordhavn Lines began a strike on Monday that left about 12,000 passengers stranded in Kestrel Bay, the port authority said.

The strike was backed by 87 percent of the members of the Maritime Workers Federation in a ballot held last week.

Federation leader Ingrid Solberg said: "We will not sail until the company restores the safety crews it cut last winter."

Nordhavn Lines has offered a 3 percent raise and a one-off payment of 1,500 euros to every worker.

Transport Minister Teodora Vasquez asked both sides to resume talks. She said every cancelled crossing hurt the islands.

The Coastal Navigation Authority said it would keep the northern route open for emergency crossings.
"""

# The machine-translated outlet, with one artifact of each kind.
TRANSLATED = """Strike of the ferry crews at Nordhavn Lines in Kestrel Bay

Since Monday the crews of Nordhavn Lines have been on strike, and about 12,000 passengers are stranded at the port of Kestrel Bay.

According to the Maritime Workers Federation, 78 percent of its members backed the strike in a ballot last week.

"We will not sail until the company restores the security crews it cut last winter," federation leader Ingrid Solbjerg told reporters at the Skarvik terminal.

Nordhavn Lines has offered a 3 percent raise and a one-off payment of 1,500 euros per worker.

Transport Minister Teodora Vasquez urged both sides to resume talks. He said that every cancelled crossing hurts the islands.

The strike began on Tuesday, March 3, according to the federation.
"""

STORY = {"wire.txt": WIRE, "b.txt": OUTLET_B, "c.txt": OUTLET_C, "mt.txt": TRANSLATED}


def names(diagnostics: list[Diagnostic], code: str) -> list[tuple[str, str, str]]:
    return sorted((Path(d.path).name, d.text, str(d.severity)) for d in diagnostics if d.code == code)


# --- units ---------------------------------------------------------------------------------------


def test_articles_of_one_story_group_and_an_unrelated_one_stands_alone() -> None:
    terms = {
        "a": ["nordhavn", "kestrel", "solberg", "vasquez", "#12000", "skarvik", "ferry"],
        "b": ["nordhavn", "kestrel", "solberg", "vasquez", "skarvik", "federation"],
        "c": ["nordhavn", "kestrel", "#12000", "solberg", "skarvik"],
        "d": ["orchard", "pruning", "harvest", "cider", "#300"],
    }
    assert group_stories(terms) == [["a", "b", "c"]]
    assert group_stories(terms, StorySettings(enabled=False)) == []


def test_figures_keep_value_unit_and_scale() -> None:
    tokens = tokenize("a bonus of 28 million pesos, 14.6 lakh people, 58,000 hectares and 95 per cent")
    found = [(f.kind, f.value, f.unit) for f in extract_figures(tokens)]
    assert found == [
        ("amount", 28e6, "peso"), ("count", 1.46e6, "peopl"), ("measure", 58e3, "area:hectare"),
        ("percent", 95.0, "%"),
    ]


def test_same_person_admits_round_trip_spellings_and_refuses_other_people() -> None:
    assert same_person(("ingrid", "solberg"), ("ingrid", "solbjerg"))
    assert same_person(("lee", "min-jun"), ("min-jun", "lee"))
    assert same_person(("ana", "maria", "costa"), ("ana", "costa"))
    assert not same_person(("ingrid", "solberg"), ("petra", "solberg"))
    assert not same_person(("ingrid", "solberg"), ("ingrid", "solberg"))


def test_identical_sentences_collapse_into_one_node() -> None:
    sentence = Sentence(1, 1, 0, "The port stayed closed on Monday after the strike began.")
    docs = [StoryDoc((name, None), [sentence]) for name in ("a", "b", "c")]
    alignment = align_story(docs)
    assert len(alignment.nodes) == 1 and len(alignment.nodes[0].places) == 3


def test_vote_needs_two_independent_siblings_and_counts_copies_once() -> None:
    same = lambda a, b: a == b  # noqa: E731
    assert vote("x", {1: "y", 2: "y"}, same, {}, 0).severity == "warning"
    assert vote("x", {1: "y"}, same, {}, 0).severity == "info"
    assert vote("x", {1: "y", 2: "y"}, same, {1: 1, 2: 1}, 0).severity == "info"  # one wire, two copies
    assert vote("x", {1: "y", 2: "z"}, same, {}, 0).severity == "info"  # a split
    assert vote("x", {1: "x", 2: "y"}, same, {}, 0).severity == ""  # as many for this value


# --- findings on the story -----------------------------------------------------------------------


def test_odd_figure_is_fact_drift_and_the_agreeing_outlets_are_quiet(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(STORY, select="NL509")
    assert ("mt.txt", "78 percent", "warning") in names(found, "NL509")
    assert not [d for d in found if Path(d.path).name != "mt.txt" and str(d.severity) != "info"]
    drift = next(d for d in found if d.text == "78 percent")
    assert "87 percent" in drift.message and len(drift.related) >= 2


def test_weekday_that_does_not_match_its_date_is_reported(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus(STORY, select="NL509"), "NL509")
    assert ("mt.txt", "Tuesday, March 3", "warning") in found


def test_name_variant_in_the_same_sentence_is_reported(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(STORY, select="NL401")
    assert [(Path(d.path).name, d.text) for d in found if str(d.severity) != "info"] == [("mt.txt", "Ingrid Solbjerg")]
    assert found[0].suggestion == "Ingrid Solberg"


def test_pronoun_that_the_other_outlets_contradict(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus(STORY, select="NL511")
    assert names(found, "NL511") == [("mt.txt", "He", "warning")]
    assert found[0].suggestion == "She"


def test_changed_word_in_a_quotation(lint_corpus: CorpusFactory) -> None:
    found = names(lint_corpus(STORY, select="NL501"), "NL501")
    assert ("mt.txt", "security", "warning") in found


def test_institution_slot_filled_otherwise(lint_corpus: CorpusFactory) -> None:
    wrong = WIRE.replace("The Coastal Navigation Authority said", "The Federal Aviation Administration said")
    found = names(lint_corpus({**STORY, "wire.txt": wrong}, select="NL502"), "NL502")
    assert ("wire.txt", "Federal Aviation Administration", "info") in found or (
        "wire.txt", "Federal Aviation Administration", "warning") in found


# --- look-alikes that stay quiet -----------------------------------------------------------------


def test_two_outlets_that_disagree_are_only_info(lint_corpus: CorpusFactory) -> None:
    other = WIRE.replace("87 percent", "81 percent")
    found = lint_corpus({"wire.txt": WIRE, "other.txt": other}, select="NL509")
    assert not [d for d in found if str(d.severity) != "info"]


def test_a_figure_the_text_says_was_updated_is_not_a_warning(lint_corpus: CorpusFactory) -> None:
    updated = OUTLET_B.replace(
        "Thousands of islanders were stuck in Kestrel Bay on Monday",
        "By evening the port put the number of stranded passengers at 15,000 in Kestrel Bay on Monday",
    )
    found = lint_corpus({**STORY, "b.txt": updated}, select="NL509")
    assert not [d for d in found if Path(d.path).name == "b.txt" and str(d.severity) != "info"]


def test_another_person_with_a_similar_name_is_not_a_variant(lint_corpus: CorpusFactory) -> None:
    neighbour = OUTLET_C + (
        "\nAt the quay, Ingrid Solheim, a nurse who commutes from Brekke, said she had booked a "
        "room in town for two nights.\n"
    )
    found = names(lint_corpus({**STORY, "c.txt": neighbour}, select="NL401"), "NL401")
    assert not [f for f in found if "Solheim" in f[1] and f[2] != "info"]


def test_an_accurate_partial_quote_is_not_drift(lint_corpus: CorpusFactory) -> None:
    partial = OUTLET_B.replace(
        '"We will not sail until the company restores the safety crews it cut last winter," Ingrid Solberg',
        'Ingrid Solberg said crews would stay ashore "until the company restores the safety crews"',
    )
    found = lint_corpus({**STORY, "b.txt": partial}, select="NL501")
    assert not [d for d in found if Path(d.path).name == "b.txt"]


def test_stories_can_be_turned_off(lint_corpus: CorpusFactory) -> None:
    assert lint_corpus(STORY, select="NL509", stories=False) == []
