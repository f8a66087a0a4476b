"""NL401 name-variant, NL402 name-form, NL403 rejected-spelling on small corpora built here."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from lint.config import Vocabulary
from lint.diagnostic import Diagnostic, Severity
from tests.conftest import CorpusFactory

SELECT = ("NL401", "NL402", "NL403")

FILLER = (
    "The committee met for three hours and adjourned without a vote.",
    "Officials said the review would continue into next month.",
    "Several groups had asked for more time to study the proposal.",
)


def article(headline: str, *sentences: str) -> str:
    """A small article: a headline, then one paragraph per sentence with filler between."""
    body: list[str] = []
    for i, sentence in enumerate(sentences):
        body += [sentence, FILLER[i % len(FILLER)]]
    return "\n\n".join([headline, *body]) + "\n"


def base_corpus(person: str = "Teodor Kowalczyk", surname: str = "Kowalczyk") -> dict[str, str]:
    """Three articles that spell the minister's name one way (6 mentions in 3 files)."""
    return {
        f"a{i}.txt": article(
            f"Budget talks resume in the capital ({i})",
            f"Finance Minister {person} said on Tuesday that the budget would be balanced.",
            f"{surname} added that spending on roads would rise.",
        )
        for i in range(3)
    }


def lint(lint_corpus: CorpusFactory, files: Mapping[str, str], **overrides: object) -> list[Diagnostic]:
    overrides.setdefault("select", SELECT)
    return lint_corpus(dict(files), **overrides)


def in_file(diagnostics: list[Diagnostic], name: str, code: str = "NL401") -> list[Diagnostic]:
    return [d for d in diagnostics if d.path.endswith(name) and d.code == code]


@pytest.mark.parametrize(
    ("written", "expected", "severity"),
    [
        # the same given name backs the corpus form: an error
        ("Teodor Kowalczk", "Teodor Kowalczyk", Severity.ERROR),  # dropped letter
        ("Teodor Kowalczyki", "Teodor Kowalczyk", Severity.ERROR),  # added letter
        ("Teodor Kowalcyzk", "Teodor Kowalczyk", Severity.ERROR),  # swapped letters
        ("Teodor Kowalczek", "Teodor Kowalczyk", Severity.ERROR),  # changed letter
        # only the corpus majority backs it: a warning
        ("Teodar Kowalczyk", "Teodor Kowalczyk", Severity.WARNING),  # changed given name
    ],
)
def test_corrupted_full_name_is_reported_with_the_corpus_form(
    lint_corpus: CorpusFactory, written: str, expected: str, severity: Severity
) -> None:
    files = base_corpus()
    files["z.txt"] = article(
        "Opposition attacks the budget",
        f"{written} defended the plan in a speech to the chamber.",
    )
    found = in_file(lint(lint_corpus, files), "z.txt")
    assert len(found) == 1, found
    assert found[0].suggestion == expected
    assert found[0].text == written
    assert "Teodor Kowalczyk: 6 mentions in 3 files" in found[0].message
    assert found[0].related and all(r.path.endswith(("a0.txt", "a1.txt", "a2.txt")) for r in found[0].related)
    assert found[0].severity is severity


def test_surname_only_corruption_in_an_article_that_spells_it_right_is_an_error(
    lint_corpus: CorpusFactory,
) -> None:
    files = base_corpus()
    files["z.txt"] = article(
        "Minister under pressure",
        "Finance Minister Teodor Kowalczyk faced questions on Monday.",
        "Kowalczyk said the deficit was temporary.",
        "Critics said Kowalczek had promised a surplus last year.",
    )
    found = in_file(lint(lint_corpus, files), "z.txt")
    assert [d.suggestion for d in found] == ["Kowalczyk"]
    assert found[0].severity is Severity.ERROR
    assert found[0].text == "Kowalczek"


def test_inserted_given_name_in_the_same_article_is_a_variant(lint_corpus: CorpusFactory) -> None:
    files = base_corpus()
    files["z.txt"] = article(
        "Minister under pressure",
        "Finance Minister Teodor Kowalczyk faced questions on Monday.",
        "Teodor Kowalczyk said the deficit was temporary.",
        "Teodor Brzeskiewo Kowalczyk had promised a surplus last year.",
    )
    found = in_file(lint(lint_corpus, files), "z.txt")
    assert [d.suggestion for d in found] == ["Teodor Kowalczyk"]


def test_extra_middle_name_across_files_is_info(lint_corpus: CorpusFactory) -> None:
    files = base_corpus()
    files["z.txt"] = article(
        "Minister under pressure",
        "Finance Minister Teodor Brzeskiewo Kowalczyk faced questions on Monday.",
    )
    diagnostics = lint(lint_corpus, files)
    assert not in_file(diagnostics, "z.txt", "NL401")
    info = in_file(diagnostics, "z.txt", "NL402")
    assert [d.severity for d in info] == [Severity.INFO]
    assert info[0].suggestion == "Teodor Kowalczyk"


def test_accents_are_a_name_form_not_a_variant(lint_corpus: CorpusFactory) -> None:
    files = base_corpus("Zoe Brandvold", "Brandvold")
    files["z.txt"] = article("Profile", "Finance Minister Zoë Brandvold grew up on a farm.")
    diagnostics = lint(lint_corpus, files)
    assert not [d for d in diagnostics if d.code == "NL401"]
    info = in_file(diagnostics, "z.txt", "NL402")
    assert [d.suggestion for d in info] == ["Zoe Brandvold"]


def test_different_people_sharing_a_surname_are_not_variants(lint_corpus: CorpusFactory) -> None:
    files = base_corpus()
    files["z.txt"] = article(
        "Council vote",
        "Councillor Ewa Kowalczyk voted against the motion.",
        "Spokesman Dylan Whitmore said the vote was close, and Lieutenant Pat Whitmore agreed.",
        "Whitmore said nothing more.",
    )
    assert lint(lint_corpus, files) == []


def test_similar_names_with_strong_separate_evidence_are_two_people(
    lint_corpus: CorpusFactory,
) -> None:
    files = base_corpus("Lena Brandvold", "Brandvold")
    for i in range(3):
        files[f"b{i}.txt"] = article(
            f"Mayor opens bridge ({i})",
            "Mayor Lena Brandvald cut the ribbon on Saturday.",
            "Brandvald thanked the workers.",
        )
    assert lint(lint_corpus, files) == []


def test_surname_alone_possessive_and_titles_are_not_variants(lint_corpus: CorpusFactory) -> None:
    files = base_corpus("Marta Osei", "Osei")
    files["z.txt"] = article(
        "Army review",
        "Gen. Marta Osei ordered a review, and General Marta Osei signed it.",
        "Osei's deputy, Maj.-Gen. Marta Osei, was not reachable.",
        "Osei said the review would take weeks.",
    )
    assert lint(lint_corpus, files) == []


def test_surname_that_is_a_place_or_common_word_is_not_a_variant(lint_corpus: CorpusFactory) -> None:
    files = base_corpus("Claude Parris", "Parris")
    files["z.txt"] = article(
        "Summit ends",
        "The summit in Paris ended on Sunday.",
        "Leaders left Paris without a statement, and Minister Roland Champagne said so.",
        "Champagne was served at the dinner.",
    )
    assert lint(lint_corpus, files) == []


def test_demonyms_and_derivations_are_not_variants(lint_corpus: CorpusFactory) -> None:
    files = {
        f"t{i}.txt": article(
            f"Border talks ({i})",
            "Talks on Transnistria resumed, said Foreign Minister Ilie Transnistria.",
            "Transnistria has been a frozen conflict for decades.",
        )
        for i in range(3)
    }
    files["z.txt"] = article("Border talks", "Transnistrian officials said the talks would go on.")
    assert lint(lint_corpus, files) == []


def test_accepted_vocabulary_is_never_reported(lint_corpus: CorpusFactory) -> None:
    files = base_corpus()
    files["z.txt"] = article("Profile", "Teodor Kowalczek defended the plan.")
    accepted = Vocabulary(accept=frozenset({"Kowalczek"}))
    assert lint(lint_corpus, files, vocabulary=accepted) == []


def test_rejected_spelling_is_reported_with_its_fix(lint_corpus: CorpusFactory) -> None:
    files = {"a.txt": article("Profile", "Moammar Gadhafi ruled Libya, and gadhafi loyalists fought on.")}
    rejected = Vocabulary(reject={"Gadhafi": "Gaddafi", "moammar": "Muammar"})
    found = lint(lint_corpus, files, vocabulary=rejected)
    assert [(d.code, d.text, d.suggestion) for d in found] == [
        ("NL403", "Moammar", "Muammar"),
        ("NL403", "Gadhafi", "Gaddafi"),
    ]
    assert found[0].fix is not None and found[0].fix.safe


def test_rejected_spelling_leaves_other_words_alone(lint_corpus: CorpusFactory) -> None:
    files = {"a.txt": article("Profile", "Gadhafiya is a village, and Gaddafi is spelled right.")}
    assert lint(lint_corpus, files, vocabulary=Vocabulary(reject={"Gadhafi": "Gaddafi"})) == []


def test_a_common_word_close_to_a_name_is_not_a_variant(lint_corpus: CorpusFactory) -> None:
    files = base_corpus("Roland Champagny", "Champagny")
    files["z.txt"] = article("Gala dinner", "Champagne was served at the dinner.")
    assert lint(lint_corpus, files) == []


def test_a_rare_form_without_a_dominant_partner_is_not_reported(lint_corpus: CorpusFactory) -> None:
    files = {
        "a.txt": article("Trade", "Envoy Lena Brandvold met traders.", "Brandvold left."),
        "b.txt": article("Trade", "Envoy Lena Brandvold met bankers.", "Brandvold stayed."),
        "z.txt": article("Farm", "Farmer Lena Brandvald sold her farm.", "Brandvald moved away."),
    }
    assert lint(lint_corpus, files) == []


def test_surname_only_mention_of_another_person_is_not_a_variant(lint_corpus: CorpusFactory) -> None:
    files = base_corpus()
    files["z.txt"] = article(
        "Festival opens",
        "The painter Ali Kowalczek opened the show on Friday.",
        "Kowalczek said the paintings took two years.",
    )
    assert lint(lint_corpus, files) == []


def test_a_line_repeated_in_another_document_gives_mentions_at_its_own_line() -> None:
    from lint.config import Config
    from lint.document import Document
    from lint.features.base import AnalysisEnv
    from lint.features.names import Names
    from lint.packs import load_packs
    from lint.roles import RoleSettings, assign_roles

    packs = load_packs()
    env = AnalysisEnv(Config(), packs)
    feature = Names()
    line = "Finance Minister Teodor Kowalczyk said the budget would be balanced."
    seen = []
    for lines in ([line], ["the budget talks resume", "", line]):
        document = Document.from_text("a.txt", "\n".join(lines) + "\n")
        roles = assign_roles(document.lines, RoleSettings.from_packs(packs))
        seen.append([(m[0], m[3]) for m in feature.analyze(document, roles, env)["mentions"]])
    assert seen == [[(1, "Teodor Kowalczyk")], [(3, "Teodor Kowalczyk")]]


# --- bare surnames nobody introduces -----------------------------------------------------------

HARBOUR = (
    "Harbour Commissioner Maren Albright said on Monday that the pier would close for repairs.",
    "{bare} said the divers had found cracks in three of the pilings.",
    "“We cannot risk a collapse in the storm season,” Albright said.",
)


def test_a_bare_surname_nobody_introduces_close_to_the_quoted_persons_is_her_name(
    lint_corpus: CorpusFactory,
) -> None:
    text = article("Pier to close for repairs", *(s.format(bare="Albrecht") for s in HARBOUR))
    found = in_file(lint(lint_corpus, {"pier.txt": text}), "pier.txt")
    assert [(d.text, d.suggestion, d.severity) for d in found] == [("Albrecht", "Albright", Severity.WARNING)]
    assert "Harbour Commissioner Maren Albright" in found[0].message


@pytest.mark.parametrize(
    "second",
    [
        "Diver Tomas Albrecht said the divers had found cracks in three of the pilings.",  # introduced
        "Albrecht, the diving contractor, found cracks in three of the pilings.",  # not a speaker's place
        "Hargreaves said the divers had found cracks in three of the pilings.",  # resembles nobody
    ],
)
def test_an_introduced_or_unlike_bare_surname_is_not_reported(lint_corpus: CorpusFactory, second: str) -> None:
    text = article("Pier to close for repairs", HARBOUR[0], second, HARBOUR[2])
    assert in_file(lint(lint_corpus, {"pier.txt": text}), "pier.txt") == []


def test_a_bare_surname_other_articles_use_is_not_reported(lint_corpus: CorpusFactory) -> None:
    """A name the rest of the corpus uses is somebody (a firm, a person of other stories)."""
    text = article("Pier to close for repairs", *(s.format(bare="Albrecht") for s in HARBOUR))
    other = article("Diving firm wins contract", "Albrecht said it would hire twelve divers this year.")
    assert in_file(lint(lint_corpus, {"pier.txt": text, "firm.txt": other}), "pier.txt") == []
