"""NL501 quote-drift: extraction, alignment and corpus comparison, on texts that are not the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
from lint.features.quotes import align, extract_quotes, quote_spans, same_speaker
from lint.packs import load_packs
from lint.roles import RoleSettings, assign_roles
from tests.conftest import CorpusFactory

HEADLINE = "City council approves the new budget after a long debate\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def quotes_of(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text("a.txt", text)
    roles = assign_roles(doc.lines, RoleSettings.from_packs(load_packs()))
    return [(" ".join(q.norms), q.speaker) for q in extract_quotes(doc, roles)]


def found(diagnostics: list, code: str = "NL501") -> list[tuple[str, str, str | None, str]]:  # type: ignore[type-arg]
    return [
        (Path(d.path).name, d.text, d.suggestion, str(d.severity)) for d in diagnostics if d.code == code
    ]


TAXES = "We will not raise property taxes on working families this year, whatever the province decides"


# --- extraction --------------------------------------------------------------------------------


def test_quote_spans_handle_curly_straight_nested_and_open_quotes() -> None:
    line = "“He told me ‘wait here’ and left,” she said. \"Then he came back.\" And “it goes on"
    inside = [line[a:b] for a, b in quote_spans(line)]
    assert inside == ["He told me ‘wait here’ and left,", "Then he came back.", "it goes on"]


def test_apostrophes_do_not_open_single_quotes() -> None:
    line = "The mayor’s office said the workers’ union would ‘consider every option’ soon."
    assert [line[a:b] for a, b in quote_spans(line)] == ["consider every option"]


def test_split_quote_is_joined_and_attributed() -> None:
    text = article(
        "“The bridge will reopen in May,” Mayor Ana Lopez said on Monday. “Crews are working around the clock.”"
    )
    assert quotes_of(text) == [
        ("the bridge will reopen in may crews are working around the clock", "Ana Lopez")
    ]


def test_pronoun_takes_last_named_speaker_and_paraphrase_gap_is_not_joined() -> None:
    text = article(
        "Transport Minister Omar Haddad spoke to reporters on Tuesday in the capital city.",
        "“Every line of the network will be inspected before winter,” he said.",
        "Haddad said the plan “will cost more than expected” but that the money was “already set aside for it.”",
    )
    assert quotes_of(text) == [
        ("every line of the network will be inspected before winter", "Omar Haddad"),
        ("will cost more than expected", "Haddad"),
        ("already set aside for it", "Haddad"),
    ]


def ws(text: str) -> list[str]:
    return text.split()


def test_alignment_ignores_marks_case_contractions_and_fragments() -> None:
    full = ws("we are not going to close the hospital while i am the mayor of this town")
    spoken = "“We’re NOT going to close the hospital while I am the mayor of this town!” she said."
    ((contracted, _),) = quotes_of(article(spoken))
    assert align(full, ws(contracted)) == []
    assert align(full, ws("close the hospital while i am the mayor")) == []
    diffs = align(full, ws("we are not going to shut the hospital while i am the mayor of this town"))
    assert diffs is not None and [(d.a_start, d.a_end, d.b_start, d.b_end) for d in diffs] == [(5, 6, 5, 6)]
    assert align(full, ws("the weather in the north will turn cold by the end of the week")) is None


def test_speakers_match_by_surname_and_tolerate_a_corrupted_spelling() -> None:
    assert same_speaker("Ilse Marwick", "Marwick")
    assert same_speaker("Olena Kovalenko", "Kovalenkov")
    assert same_speaker("", "Anyone")
    assert not same_speaker("Maria Silva", "Peter Brandt")


# --- corpus rule ---------------------------------------------------------------------------------


def test_odd_outlet_is_reported_against_independent_outlets_that_agree(lint_corpus: CorpusFactory) -> None:
    first = article(
        "The council met for six hours before the vote on the spending plan for Harlow Bay.",
        f"“{TAXES},” Mayor Karen Whitfield told the council on Tuesday.",
    )
    second = article(
        "Residents of Harlow Bay packed the gallery as councillors argued over road repairs.",
        f"Whitfield was firm. “{TAXES},” she said after the meeting.",
    )
    odd = article(
        "In Harlow Bay the spending plan passed by seven votes to four late on Tuesday.",
        "“We will not raise property levies on working families this year, whatever the province "
        "decides,” Whitfield told the council.",
    )
    diagnostics = lint_corpus({"a.txt": first, "b.txt": second, "c.txt": odd}, select="NL501")
    assert found(diagnostics) == [("c.txt", "levies", "taxes", "warning")]
    (diagnostic,) = diagnostics
    assert "'levies' where" in diagnostic.message and "has 'taxes'" in diagnostic.message
    assert "2 other outlets print the other wording" in diagnostic.message
    assert Path(diagnostic.related[0].path).name in ("a.txt", "b.txt")


def test_two_copies_of_one_wire_story_are_one_witness(lint_corpus: CorpusFactory) -> None:
    wire = article(
        "The council met for six hours before the vote on the spending plan for Harlow Bay.",
        f"“{TAXES},” Mayor Karen Whitfield told the council on Tuesday.",
    )
    odd = article(
        "In Harlow Bay the spending plan passed by seven votes to four late on Tuesday.",
        "“We will not raise property levies on working families this year, whatever the province "
        "decides,” Whitfield told the council.",
    )
    diagnostics = lint_corpus({"a.txt": wire, "b.txt": wire, "c.txt": odd}, select="NL501")
    assert found(diagnostics) == [("c.txt", "levies", "taxes", "info")]


def test_two_outlets_that_disagree_are_both_reported_as_info(lint_corpus: CorpusFactory) -> None:
    one = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    other = article(f"“{TAXES.replace('working', 'struggling')},” Whitfield said.")
    diagnostics = lint_corpus({"a.txt": one, "b.txt": other}, select="NL501")
    assert sorted(found(diagnostics)) == [
        ("a.txt", "working", "struggling", "info"),
        ("b.txt", "struggling", "working", "info"),
    ]


def test_fragment_marks_and_case_are_not_drift(lint_corpus: CorpusFactory) -> None:
    full = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    fragment = article(
        "Whitfield promised she would “not raise property taxes on working families,” "
        "and repeated it twice."
    )
    straight = article(f"\"{TAXES.upper()}!\" Whitfield said.")
    assert found(lint_corpus({"a.txt": full, "b.txt": fragment, "c.txt": straight}, select="NL501")) == []


def test_same_words_from_different_speakers_are_not_compared(lint_corpus: CorpusFactory) -> None:
    one = article(f"“{TAXES},” Mayor Karen Whitfield said.")
    other = article(f"“{TAXES.replace('working', 'struggling')},” opposition leader Tom Baxter said.")
    assert found(lint_corpus({"a.txt": one, "b.txt": other}, select="NL501")) == []


def test_split_quote_matches_the_joined_one(lint_corpus: CorpusFactory) -> None:
    joined = "“The hospital will stay open and every nurse will keep her job until the review ends,” Health Minister Priya Nair said."
    first = article(
        "Staff at Dunmore General gathered outside the west wing on Monday.",
        "The union had warned of closures since the spring audit.", joined,
    )
    second = article(
        "Nair visited Dunmore General after the board met on Monday night.",
        "Doctors there said the waiting lists were the longest in the county.", joined,
    )
    split = article(
        "Patients at Dunmore General were moved to other wards during the inspection.",
        "“The hospital will stay open,” Nair said. “And every nurse will keep her post until the review ends.”",
    )
    diagnostics = lint_corpus({"a.txt": first, "b.txt": second, "c.txt": split}, select="NL501")
    assert found(diagnostics) == [("c.txt", "post", "job", "warning")]


@pytest.mark.parametrize("other", ["program", "programmes"])
def test_spelling_variants_are_not_drift(lint_corpus: CorpusFactory, other: str) -> None:
    one = article("“The training programme will resume once the security situation allows it,” Colonel Dana Roy said.")
    two = article(f"“The training {other} will resume once the security situation allows it,” Roy said.")
    assert found(lint_corpus({"a.txt": one, "b.txt": two}, select="NL501")) == []


def test_a_copy_that_changed_its_wire_story_is_the_odd_one(lint_corpus: CorpusFactory) -> None:
    story = (
        "The council met for six hours before the vote on the spending plan for Harlow Bay.",
        "Residents packed the gallery as councillors argued over road repairs.",
        "The plan passed by seven votes to four shortly before midnight.",
    )
    wire = article(*story, f"“{TAXES},” Mayor Karen Whitfield said.")
    files = {f"wire{i:02}.txt": wire for i in range(60)}
    files["odd.txt"] = article(*story, f"“{TAXES.replace('families', 'households')},” Whitfield said.")
    diagnostics = lint_corpus(files, select="NL501")
    assert found(diagnostics) == [("odd.txt", "households", "families", "warning")]
    assert "60 other outlets print the other wording" in diagnostics[0].message
