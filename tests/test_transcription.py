"""Transcription slips NL301-NL305, each with a look-alike that must not fire."""

from __future__ import annotations

import pytest

from lint.fixes import apply_edits
from tests.conftest import CorpusFactory


def _lint(lint_corpus: CorpusFactory, line: str, code: str) -> list[tuple[int, int, str | None]]:
    text = f"Headline for the story\n\n{line}\n"
    return [(d.column, d.end_column, d.suggestion) for d in lint_corpus({"a.txt": text}, select=code) if d.line == 3]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("The minister said the the plan would go ahead.", "the"),
        ("Officials in in Manila confirmed the deal.", "in"),
        ("It was a A decision nobody expected.", "a"),
        ("Aid reached Gaza Gaza on Monday.", "Gaza"),
        ("Prices rose, rose again in June.", None),
        ("It ended.The the crowd left quietly.", "The"),
        ("Zoë Zoë Dubois won the final in Montréal.", "Zoë"),
        ("STRASSE strasse signs were replaced.", "STRASSE"),
    ],
)
def test_doubled_word(lint_corpus: CorpusFactory, line: str, word: str | None) -> None:
    found = _lint(lint_corpus, line, "NL301")
    if word is None:
        assert found == []  # a comma between the words: a stylistic repetition
        return
    start = line.lower().index(f"{word.lower()} {word.lower()}")
    assert found == [(start + 1, start + 2 * len(word) + 2, line[start : start + len(word)])]


@pytest.mark.parametrize(
    "line",
    [
        "She said that that decision had had consequences.",
        "The band played on Bora Bora last year.",
        "Fans chanted 'no no no' at the referee.",
        "The theme of the show is theater.",
        "He called it a bye-bye moment.",
        "She wrote her name\nname tags were handed out.",
    ],
)
def test_doubled_word_lookalikes(lint_corpus: CorpusFactory, line: str) -> None:
    assert lint_corpus({"a.txt": f"Headline\n\n{line}\n"}, select="NL301") == []


@pytest.mark.parametrize(
    ("line", "span", "suggestion"),
    [
        ("Troops left the base . They flew home.", "base .", "base."),
        ("The mayor , who was re-elected, spoke.", "mayor ,", "mayor,"),
        ("What did he say ? Nobody knows.", "say ?", "say?"),
        ("There were three options : stay, go or wait.", "options :", "options:"),
        ("According to the mayor ,the ferry will run.", "mayor ,", "mayor, "),
    ],
)
def test_space_before_punctuation(lint_corpus: CorpusFactory, line: str, span: str, suggestion: str) -> None:
    start = line.index(span)
    assert _lint(lint_corpus, line, "NL302") == [(start + 1, start + len(span) + 1, suggestion)]


@pytest.mark.parametrize(
    "line",
    [
        "He paused ... then went on.",
        "The score was 3 - 1 at half time.",
        "Visit https://example.org for details.",
        "Nos voisins disent\u202f: « non ».",
        "The rate is 5 %, the bank said.",
        "The fund returned 4 ,5 percent, in the continental style.",
        "The app is built on .NET and runs anywhere.",
    ],
)
def test_space_before_punctuation_lookalikes(lint_corpus: CorpusFactory, line: str) -> None:
    assert _lint(lint_corpus, line, "NL302") == []


@pytest.mark.parametrize(
    ("line", "word", "fixed"),
    [
        ("Canada‘s ambassador spoke on Monday.", "Canada‘s", "Canada’s"),
        ("The minister didn`t answer.", "didn`t", "didn’t"),
        ("The workers‘ union voted to strike.", "workers‘", "workers’"),
        ("Lagos´s traffic is legendary.", "Lagos´s", "Lagos’s"),
    ],
)
def test_left_quote_as_apostrophe(lint_corpus: CorpusFactory, line: str, word: str, fixed: str) -> None:
    start = line.index(word)
    assert _lint(lint_corpus, line, "NL303") == [(start + 1, start + len(word) + 1, fixed)]


@pytest.mark.parametrize(
    "line",
    [
        "He called it ‘a disgrace’ and left.",
        "Canada’s ambassador spoke on Monday.",
        "The word ‘vulnerable’ appeared twice.",
        "Run `make test` before you commit.",
    ],
)
def test_left_quote_lookalikes(lint_corpus: CorpusFactory, line: str) -> None:
    assert _lint(lint_corpus, line, "NL303") == []


@pytest.mark.parametrize(
    ("line", "bad", "good"),
    [
        ("The cafÃ© reopened on Monday.", "Ã©", "é"),
        ("Osloâ€™s city council spoke.", "â€™", "’"),
        # a correct letter outside Windows-1252 on the same line: repaired word by word
        ("Mayor Å»ukowski met Łucja Nowak in Łódź.", "Å»", "Ż"),
    ],
)
def test_mojibake(lint_corpus: CorpusFactory, line: str, bad: str, good: str) -> None:
    found = lint_corpus({"a.txt": f"Headline\n\n{line}\n"}, select="NL304")
    assert found and found[0].severity.name == "ERROR"
    assert "".join(d.suggestion or "" for d in found) == good
    start = line.index(bad)
    assert found[0].column == start + 1


def test_a_closing_quote_whose_last_byte_was_dropped_is_a_closing_quote(lint_corpus: CorpusFactory) -> None:
    """'”' read as Windows-1252 loses its undefined last byte: 'â€' before a space, a mark or
    the line's end is that quote, not a dagger ('†') that swallows the space."""
    line = "â€œWe will stay,â€ the mayor said of the market, â€œwhatever the council decidesâ€."
    found = lint_corpus({"a.txt": f"Headline\n\n{line}\n"}, select="NL304")
    assert [(d.text, d.suggestion) for d in found] == [
        ("â€œ", "“"), ("â€", "”"), ("â€œ", "“"), ("â€", "”")]


@pytest.mark.parametrize(
    "line",
    [
        "The café in São Paulo reopened on Monday.",
        "Zoë Brontë-Müller spoke in Kraków.",
        "Prices rose 5 € per tonne — a record.",
        "The Ñandú reserve is in Patagonia.",
        "Żaneta Ćwik and the Æsir saga: Ångström units in Łódź.",
    ],
)
def test_mojibake_lookalikes(lint_corpus: CorpusFactory, line: str) -> None:
    assert lint_corpus({"a.txt": f"Headline\n\n{line}\n"}, select="NL304") == []


@pytest.mark.parametrize(
    ("line", "char"),
    [
        ("after the killing\u00a0of the general", "\u00a0"),
        ("the zero\u200bwidth space", "\u200b"),
        ("a soft\u00adhyphen here", "\u00ad"),
        ("a stray\ufeffmark", "\ufeff"),
        ("lost \ufffd text", "\ufffd"),
        ("a bell\x07 character", "\x07"),
    ],
)
def test_invisible_characters(lint_corpus: CorpusFactory, line: str, char: str) -> None:
    found = lint_corpus({"a.txt": f"Headline\n\nThe report said {line} on Monday.\n"}, select="NL305")
    assert len(found) == 1
    full = f"The report said {line} on Monday."
    assert found[0].column == full.index(char) + 1
    assert found[0].end_column == found[0].column + 1


def test_invisible_characters_one_finding_per_line_with_all_fixes(lint_corpus: CorpusFactory) -> None:
    found = lint_corpus({"a.txt": "Headline\n\nOne\u00a0two\u00a0three\u200bfour.\n"}, select="NL305")
    assert len(found) == 1
    assert "3 invisible characters" in found[0].message
    assert found[0].fix is not None and len(found[0].fix.edits) == 3


@pytest.mark.parametrize(
    "line",
    [
        "Plain text with tabs\tand ordinary spaces.",
        "Emoji 🎉 and flags 🇨🇦 are visible.",
        "Arabic السلام and Hindi नमस्ते are visible.",
    ],
)
def test_invisible_lookalikes(lint_corpus: CorpusFactory, line: str) -> None:
    assert lint_corpus({"a.txt": f"Headline\n\n{line}\n"}, select="NL305") == []


def test_doubled_place_name_is_not_a_doubled_word(lint_corpus: CorpusFactory) -> None:
    text = ("Tour dates announced\n\nThe band plays Pago Pago and Walla Walla in May, but the "
            "the show in Lima Lima was cancelled.\n")
    flagged = [d.text for d in lint_corpus({"a.txt": text}, select="NL301") if d.code == "NL301"]
    assert flagged == ["the the", "Lima Lima"]


def test_a_space_moved_before_a_comma_is_fixed_by_moving_it_after(lint_corpus: CorpusFactory) -> None:
    text = "Headline\n\nAccording to the mayor ,the ferry will run.\n"
    found = lint_corpus({"a.txt": text}, select="NL302")
    assert [d.fix.safe for d in found if d.fix] == [True]
    fixed, applied = apply_edits(text, [d.fix for d in found if d.fix])
    assert (fixed, applied) == ("Headline\n\nAccording to the mayor, the ferry will run.\n", 1)
