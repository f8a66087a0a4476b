"""NL306-NL309: other languages' quotation marks, punctuation, spacing and number formats, on
texts written for these tests (invented towns and people)."""

from __future__ import annotations

import pytest

from lint.fixes import apply_edits
from tests.conftest import CorpusFactory

HEADLINE = "Harbour town weighs new ferry timetable after storm damage\n\n"


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n".join(paragraphs) + "\n"


def found(diagnostics: list, code: str) -> list[str]:  # type: ignore[type-arg]
    return [d.text for d in diagnostics if d.code == code]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The mayor called the storm «the worst night the harbour has seen in decades» on Monday.",
         "“the worst night the harbour has seen in decades”"),
        ("« We lost the boats and the nets, everything we had », said Tomas Verlaine, a fisherman.",
         "“We lost the boats and the nets, everything we had”"),
        ("„The ferry will run again when the pier is safe for passengers,“ the operator said on Friday.",
         "“The ferry will run again when the pier is safe for passengers,”"),
        ("„We need the pier back before the summer season starts in earnest”, said a shop owner in town.",
         "“We need the pier back before the summer season starts in earnest”"),
        ("「The harbour authority will publish a full damage report next week」, the spokesman said.",
         "“The harbour authority will publish a full damage report next week”"),
        ("``We will not raise the fares this year,'' the ferry operator said on Wednesday.",
         "“We will not raise the fares this year,”"),
        ("The operator said `` the new boat arrives in May '' and the old one will be sold.",
         "“the new boat arrives in May”"),
    ],
)
def test_foreign_quotation_pairs_are_reported_with_a_safe_fix(
    lint_corpus: CorpusFactory, paragraph: str, expected: str
) -> None:
    diagnostics = [d for d in lint_corpus({"a.txt": article(paragraph)}, select="NL306") if d.code == "NL306"]
    assert len(diagnostics) == 1
    assert diagnostics[0].suggestion == expected
    assert diagnostics[0].fix is not None and diagnostics[0].fix.safe


@pytest.mark.parametrize(
    "paragraph",
    [
        "Set the option ``timetable.winter`` to true before the ferry app starts each morning.",
        "The harbour's old sign read ``Ferries'' in faded paint above the ticket office door.",
        "Run ``make timetable`` and then upload the files to the harbour office's server.",
    ],
)
def test_backticks_that_quote_no_prose_are_not_reported(lint_corpus: CorpusFactory, paragraph: str) -> None:
    """Markdown code in double backticks, and one word in ``'' (a sign's text), are no quotation
    of prose."""
    assert found(lint_corpus({"a.txt": article(paragraph)}, select="NL306"), "NL306") == []


def test_closing_mark_opening_a_quotation(lint_corpus: CorpusFactory) -> None:
    text = article("”We will rebuild the pier before winter,” the harbour master told reporters on Tuesday.")
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL306") if d.code == "NL306"]
    assert [d.suggestion for d in diagnostics] == ["“"]
    assert diagnostics[0].fix is not None
    fixed, _ = apply_edits(text, [diagnostics[0].fix])
    assert "“We will rebuild the pier before winter,”" in fixed


def test_unbalanced_quotation_unless_the_next_paragraph_continues_it(lint_corpus: CorpusFactory) -> None:
    unclosed = article("The harbour master said: “We will rebuild the pier before winter and open the new ferry line.",
                       "The council meets on Thursday to discuss the budget for the repairs.")
    continued = article("The harbour master said: “We will rebuild the pier before winter and open the new ferry line.",
                        "“Nobody in this town will be cut off from the mainland for long.”")
    assert found(lint_corpus({"a.txt": unclosed}, select="NL306"), "NL306") == ["“"]
    assert found(lint_corpus({"a.txt": continued}, select="NL306"), "NL306") == []


@pytest.mark.parametrize(
    ("paragraph", "wrong", "fixed"),
    [
        ("“The pier will be rebuilt before winter,\" the harbour master said. “Nobody is cut off.”",
         '"', "“The pier will be rebuilt before winter,” the harbour master said."),
        ("\"The pier will be rebuilt before winter,” the harbour master said on Tuesday.",
         '"', "“The pier will be rebuilt before winter,” the harbour master said"),
    ],
)
def test_a_quotation_closed_with_the_other_kind_of_mark(
    lint_corpus: CorpusFactory, paragraph: str, wrong: str, fixed: str
) -> None:
    text = article(paragraph)
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL306") if d.code == "NL306"]
    assert [(d.text, str(d.severity)) for d in diagnostics] == [(wrong, "warning")]
    assert diagnostics[0].fix is not None and diagnostics[0].fix.safe
    assert fixed in apply_edits(text, [diagnostics[0].fix])[0]


def test_a_quotation_that_runs_into_its_attribution_lost_its_closing_mark(lint_corpus: CorpusFactory) -> None:
    text = article("“The ferry will run again when the pier is safe, said Ana Ortez, the operator's manager.",
                   "The council meets on Thursday.")
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL306") if d.code == "NL306"]
    assert [(d.text, str(d.severity)) for d in diagnostics] == [(", said", "warning")]
    assert diagnostics[0].fix is not None
    assert "is safe,” said Ana" in apply_edits(text, [diagnostics[0].fix])[0]
    participle = article("“The minister, said to be furious, walked out of the harbour meeting on Monday.",
                         "The council meets on Thursday.")
    found_there = [d for d in lint_corpus({"a.txt": participle}, select="NL306") if d.code == "NL306"]
    assert [(d.text, str(d.severity)) for d in found_there] == [("“", "info")]  # unclosed, nothing more


@pytest.mark.parametrize(
    "paragraph",
    [
        "The harbour master said: “We will rebuild the pier before winter,” and left the meeting.",
        "“He told me \"never again\" and walked out,” the ferry captain said on Tuesday.",
        "Read more »",
        "« Previous story | Next story »",
        "The shop sells a 14” tablet and a 16” laptop at the same price as last year.",
        "The ferry company, whose name in French is « Bac »,  runs two boats.",
    ],
)
def test_english_quotes_and_web_arrows_are_not_reported(lint_corpus: CorpusFactory, paragraph: str) -> None:
    assert found(lint_corpus({"a.txt": article(paragraph)}, select="NL306"), "NL306") == []


@pytest.mark.parametrize(
    ("paragraph", "text", "suggestion"),
    [
        ("The fair drew over 2,000 visitors। The stalls stayed open late.", "।", "."),
        ("The fair drew over 2,000 visitors।The stalls stayed open late.", "।", ". "),
        ("The library lent 1,800 books، the council said on Sunday.", "،", ","),
        ("The ferry carried ２００ passengers and thirty cars on its first trip.", "２００", "200"),
        ("The plan covers pilots·engineers at the two airports.", "pilots·engineers", "pilots and engineers"),
    ],
)
def test_other_scripts_punctuation_full_width_and_middle_dots(
    lint_corpus: CorpusFactory, paragraph: str, text: str, suggestion: str
) -> None:
    diagnostics = [d for d in lint_corpus({"a.txt": article(paragraph)}, select="NL307") if d.code == "NL307"]
    assert [(d.text, d.suggestion) for d in diagnostics] == [(text, suggestion)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Catalan town of Sant Pere de Ribes hosts the Col·legi d'Enginyers this year.",
        "The engine delivers 400 N·m of torque, the maker said on Monday in its statement.",
        "Home · News · Sport",
        "The Arabic word for comma, ،, is written the other way round, the teacher explained.",
    ],
)
def test_letters_units_and_menus_are_not_foreign_punctuation(lint_corpus: CorpusFactory, paragraph: str) -> None:
    assert found(lint_corpus({"a.txt": article(paragraph)}, select="NL307"), "NL307") == []


def test_missing_space_after_period_and_comma(lint_corpus: CorpusFactory) -> None:
    text = article("The council approved the repairs on Monday and the ferry will resume.Some residents "
                   "said the timetable was too thin,while others welcomed the decision.")
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL308") if d.code == "NL308"]
    assert [(d.text, d.suggestion, d.fix.safe) for d in diagnostics] == [  # type: ignore[union-attr]
        ("resume.Some", "resume. Some", False),
        ("thin,while", "thin, while", True),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Details are on harbourtown.gov.uk and at www.ferry.example.com for all passengers and visitors.",
        "The U.S. and the U.K. both sent observers to the harbour town on Monday afternoon.",
        "Prices rose 2.5 percent, to 1,250 euros a ticket, the ferry operator said on Monday.",
    ],
)
def test_addresses_initials_and_numbers_are_spaced_correctly(lint_corpus: CorpusFactory, paragraph: str) -> None:
    assert found(lint_corpus({"a.txt": article(paragraph)}, select="NL308"), "NL308") == []


def test_spaces_inside_quotation_marks(lint_corpus: CorpusFactory) -> None:
    text = article("The harbour master said “ we will rebuild the pier ” before the meeting ended on Monday.")
    assert len(found(lint_corpus({"a.txt": text}, select="NL308"), "NL308")) == 2


@pytest.mark.parametrize(
    ("paragraph", "text", "suggestion"),
    [
        ("Fares will rise 3,7 percent in May, while 1,200 season tickets stay at 1.8 percent less.", "3,7", "3.7"),
        ("On Sunday more than 3 400 tickets sold, against 1,500 the week before.", "3 400", "3,400"),
        ("The new pier costs € 4.350 per metre, against 1,100 for the old one.", "€ 4.350", "€4,350"),
        ("Some 1.250.000 euros went to 3,400 households after the storm.", "1.250.000", "1,250,000"),
    ],
)
def test_other_languages_number_formats(lint_corpus: CorpusFactory, paragraph: str, text: str, suggestion: str) -> None:
    diagnostics = [d for d in lint_corpus({"a.txt": article(paragraph)}, select="NL309") if d.code == "NL309"]
    assert [(d.text, d.suggestion) for d in diagnostics] == [(text, suggestion)]
    assert diagnostics[0].severity.name == "WARNING"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The operator bought $1.125 billion of new boats and sold 2,300 tickets on Monday.",
        "The carrier kept about 200 787 Dreamliners on the ground, the airline said.",
        "Call the harbour office on +44 20 7946 0000 for details about 1,200 tickets.",
        "The storm hit on March 3 100 kilometres from the coast, the weather service said.",
        "Rates rose 0.25 percentage points to 4.125 percent, the bank said of its 1,000 branches.",
    ],
)
def test_english_numbers_models_and_phones_are_not_reported(lint_corpus: CorpusFactory, paragraph: str) -> None:
    assert found(lint_corpus({"a.txt": article(paragraph)}, select="NL309"), "NL309") == []


def test_decimal_comma_without_english_numbers_is_info(lint_corpus: CorpusFactory) -> None:
    diagnostics = [d for d in lint_corpus({"a.txt": article("The tide rose 2,4 metres near the harbour town.")},
                                         select="NL309") if d.code == "NL309"]
    assert [(d.text, d.severity.name) for d in diagnostics] == [("2,4", "INFO")]


def test_a_quotation_in_the_language_of_its_marks_is_only_info(lint_corpus: CorpusFactory) -> None:
    """An English article quoting a slogan as written, in its own language and marks."""
    text = article("Fishermen hung a banner reading «Nessuno resta a terra oggi» (\"Nobody stays ashore today\") on the pier.")
    diagnostics = [d for d in lint_corpus({"a.txt": text}, select="NL306") if d.code == "NL306"]
    assert [(d.text, str(d.severity)) for d in diagnostics] == [("«Nessuno resta a terra oggi»", "info")]
    english = article("Fishermen hung a banner reading «Nobody stays ashore today» on the pier, the mayor said.")
    diagnostics = [d for d in lint_corpus({"a.txt": english}, select="NL306") if d.code == "NL306"]
    assert [str(d.severity) for d in diagnostics] == ["warning"]
