"""Repeated text: NL201 repeated line, NL202 repeated sentence, NL203 appended link list."""

from __future__ import annotations

from tests.conftest import CorpusFactory

P1 = "The river rose two metres overnight and forced 300 families from their homes."
P2 = "Emergency crews worked through the night to shore up the dike near the bridge."
P3 = "The province said it would send more sandbags and pumps to the town by Friday."


def _article(*paras: str) -> str:
    return "Floods force families from homes\n\n" + "\n\n".join(paras) + "\n"


def test_sentence_repeated_with_other_digits_and_case_on_one_line(lint_corpus: CorpusFactory) -> None:
    """NL202 keys normalize case and digits; its quick first-word check must do the same."""
    line = ("Police said 12 people were hurt in the crash on Main Street. "
            "POLICE said 34 people were hurt in the crash on Main Street.")
    found = lint_corpus({"a.txt": _article(P1, line, P2)}, select="NL202")
    assert [(d.line, d.column) for d in found] == [(5, line.index("POLICE") + 1)]


def test_sentence_repeated_on_a_line_with_accents(lint_corpus: CorpusFactory) -> None:
    line = ("Émile Dupré said the café would reopen on Monday morning. "
            "Émile Dupré said the café would reopen on Monday morning.")
    found = lint_corpus({"a.txt": _article(P1, line, P2)}, select="NL202")
    assert [d.line for d in found] == [5]


def test_paragraph_printed_twice_far_apart(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus({"a.txt": _article(P1, P2, P3, P1)}, select="NL201")
    assert [(d.line, d.related[0].line) for d in found] == [(9, 3)]
    assert "repeats line 3" in found[0].message
    assert found[0].fix is not None and found[0].fix.safe


def test_adjacent_duplicate_caption_line(lint_corpus: CorpusFactory) -> None:
    caption = "Volunteers fill sandbags outside the arena on Wednesday"
    text = "Floods force families\n\n" + P1 + "\n\n" + caption + "\n" + caption + "\n\n" + P2 + "\n"
    assert [d.line for d in lint_corpus({"a.txt": text}, select="NL201")] == [6]


def test_repeat_with_quote_variants_and_case(lint_corpus: CorpusFactory) -> None:
    first = "Mayor says town ‘will rebuild’ after the worst flood in decades"
    second = "MAYOR says town 'will rebuild' after the worst flood in decades"
    found = lint_corpus({"a.txt": _article(first, P1, second, P2)}, select="NL201")
    assert [d.line for d in found] == [7]


def test_repeat_behind_a_promo_label_is_reported_once(lint_corpus: CorpusFactory) -> None:
    first = "Mayor says town will rebuild after the worst flood in decades"
    second = "VIDEO: Mayor says town will rebuild after the worst flood in decades"
    found = lint_corpus({"a.txt": _article(first, P1, second, P2)}, select=("NL201", "NL102"))
    assert [(d.code, d.line) for d in found] == [("NL102", 7)]


def test_repeat_behind_an_unknown_label_is_stripped(lint_corpus: CorpusFactory) -> None:
    first = "Mayor says town will rebuild after the worst flood in decades"
    second = "UPDATE: Mayor says town will rebuild after the worst flood in decades"
    found = lint_corpus({"a.txt": _article(first, P1, second, P2)}, select="NL201")
    assert [d.line for d in found] == [7]


def test_nearly_repeated_paragraph_has_unsafe_fix(lint_corpus: CorpusFactory) -> None:
    variant = P1.replace("300 families", "300 familes")
    found = lint_corpus({"a.txt": _article(P1, P2, variant)}, select="NL201")
    assert [d.line for d in found] == [7]
    assert "nearly repeats" in found[0].message
    assert found[0].fix is not None and not found[0].fix.safe


def test_similar_but_different_sentences_are_not_repeats(lint_corpus: CorpusFactory) -> None:
    a = "The river rose two metres overnight in the north end of the town."
    b = "The river fell two metres by Friday in the south end of the valley."
    assert lint_corpus({"a.txt": _article(a, P2, b)}, select="NL201") == []


def test_short_repeated_lines_are_not_reported(lint_corpus: CorpusFactory) -> None:
    assert lint_corpus({"a.txt": _article(P1, "Flood update", P2, "Flood update", P3)}, select="NL201") == []


def test_sentence_repeated_inside_one_line(lint_corpus: CorpusFactory) -> None:
    caption = "Residents wade through water on Main Street. (Jane Roe/Daily Courier)"
    line = f"{caption} {caption}"
    found = lint_corpus({"a.txt": _article(P1, line, P2)}, select="NL202")
    assert len(found) == 1
    d = found[0]
    assert (d.line, d.column, d.end_column) == (5, len(caption) + 2, len(line) + 1)


def test_different_sentences_on_one_line_are_not_repeats(lint_corpus: CorpusFactory) -> None:
    line = f"{P1} {P2} {P3}"
    assert lint_corpus({"a.txt": _article(line)}, select="NL202") == []


def test_short_repeated_exclamation_is_not_reported(lint_corpus: CorpusFactory) -> None:
    line = "No. No. The council said the plan was never approved and would not be."
    assert lint_corpus({"a.txt": _article(P1, line)}, select="NL202") == []


BODY = [P1, P2, P3, "Officials said the water was expected to peak on Thursday before slowly receding."]
LINKS = [
    "Hockey club names new coach ahead of playoffs",
    "Bakery on Queen Street wins national award",
    "Police seek witnesses after downtown robbery",
    "School board votes to keep four-day week",
    "Concert series returns to the waterfront park",
    "Recipe: the perfect autumn squash soup",
    "Local author shortlisted for fiction prize",
]


def test_appended_link_list_reported_once_with_its_range(lint_corpus: CorpusFactory) -> None:
    text = _article(*BODY, *LINKS)
    found = lint_corpus({"a.txt": text}, select="NL203")
    assert len(found) == 1
    d = found[0]
    assert (d.line, d.end_line) == (11, 23)
    assert "lines 11-23" in d.message


def test_link_list_after_widget_heading(lint_corpus: CorpusFactory) -> None:
    text = _article(*BODY, "More Local News", *LINKS)
    found = lint_corpus({"a.txt": text}, select=("NL203", "NL104"))
    assert sorted((d.code, d.line) for d in found) == [("NL104", 11), ("NL203", 13)]


def test_article_ending_in_short_paragraphs_is_not_a_link_list(lint_corpus: CorpusFactory) -> None:
    ending = [
        "The water began to recede on Friday.",
        "Families were allowed home by noon.",
        "Many found their basements flooded.",
        "The town will open a relief fund.",
        "Donations can be made at the arena.",
        "The river is expected to stay high.",
        "Crews will inspect the dike next week.",
    ]
    assert lint_corpus({"a.txt": _article(*BODY, *ending)}, select="NL203") == []


def test_three_unrelated_headlines_are_too_few(lint_corpus: CorpusFactory) -> None:
    assert lint_corpus({"a.txt": _article(*BODY, *LINKS[:3])}, select="NL203") == []


def test_four_unrelated_headlines_are_a_list(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus({"a.txt": _article(*BODY, *LINKS[:4])}, select="NL203")
    assert [(d.line, d.end_line) for d in found] == [(11, 17)]
