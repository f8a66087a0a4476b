"""The editor's engine hook (lint/live.py): one article's text checked against a corpus kept
in memory, with the index entries ``IndexBuilder.build_for`` gives, must say what a full run
says about that article."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from lint.config import Config, with_overrides
from lint.corpus import IndexBuilder
from lint.diagnostic import Diagnostic
from lint.engine import run
from lint.features.base import DocumentAnalysis
from lint.linter import Linter
from lint.live import LiveCorpus
from lint.loader import load_text
from lint.packs import Pack
from lint.registry import load_rule_set, select_rules
from lint.rules.base import Rule

PERSON = "Ottilie Brandvold"


def story(number: int) -> str:
    return (
        f"Harbour plan goes to council ({number})\n\n"
        f"Deputy Mayor {PERSON} said on Monday that the harbour plan would be published.\n\n"
        "The committee met for several hours before the vote was delayed.\n\n"
        "Brandvold added that the ferry terminal would be rebuilt next year.\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated articles (recurring people, quotations reprinted with a word changed),
    three that spell one deputy mayor's name and one that misspells it."""
    root = tmp_path_factory.mktemp("live") / "corpus"
    write_corpus(root / "generated", 60)
    (root / "harbour").mkdir()
    for number in range(3):
        (root / "harbour" / f"h{number}.txt").write_text(story(number), encoding="utf-8")
    (root / "harbour" / "slip.txt").write_text(
        "Terminal costs rise\n\nThe deputy mayor, Ottilie Brandvoldt, asked for a new estimate.\n",
        encoding="utf-8")
    return root


def _setup(corpus: Path) -> tuple[Config, list[Rule], list[Pack]]:
    config = with_overrides(Config(), corpus=(corpus,))
    rule_set = load_rule_set(config)
    return config, select_rules(rule_set, config), list(rule_set.packs)


@pytest.fixture(scope="module")
def live(corpus: Path) -> LiveCorpus:
    config, rules, packs = _setup(corpus)
    return LiveCorpus.start(config, rules, packs, corpus)


def _rows(diagnostics: list[Diagnostic]) -> list[tuple[object, ...]]:
    return [(d.code, d.line, d.column, d.end_line, d.end_column, d.message, d.fix)
            for d in diagnostics]


def test_build_for_gives_each_document_the_corpus_findings_of_a_full_build(corpus: Path) -> None:
    config, rules, packs = _setup(corpus)
    linter = Linter(config, rules, packs)
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    analyses: list[DocumentAnalysis] = []
    for path in files:
        analyses.extend(linter.first_pass(path, check=False).analyses)
    builder = IndexBuilder(linter.features)
    for analysis in analyses:
        builder.add(analysis)
    full = builder.build()
    codes: set[str] = set()
    for analysis in analyses:
        expected = linter.second_pass(analysis, full).diagnostics
        scoped = linter.second_pass(analysis, builder.build_for([analysis])).diagnostics
        assert _rows(scoped) == _rows(expected), analysis.path
        codes.update(d.code for d in expected)
    assert {"NL401", "NL501"} <= codes  # name variants and quote drift were compared


def test_a_live_check_says_what_a_full_run_says_about_each_article(
    corpus: Path, live: LiveCorpus
) -> None:
    _, rules, packs = _setup(corpus)
    result = run([str(corpus)], Config(), rules, packs)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        by_path.setdefault(str(Path(diagnostic.path).resolve()), []).append(diagnostic)
    assert len(result.diagnostics) > 50
    for path in sorted(corpus.rglob("*.txt")):
        checked = live.check(str(path), path.read_text(encoding="utf-8"))
        assert _rows(checked.diagnostics) == _rows(by_path.get(str(path), [])), path


def test_an_unsaved_text_is_checked_and_then_compared_with_instead_of_its_file(
    corpus: Path, live: LiveCorpus
) -> None:
    article = corpus / "harbour" / "new.txt"
    variant = "Ferry debate\n\nOttilie Brandvolt told reporters the terminal was too small.\n"
    found = live.check(str(article), variant).diagnostics
    assert [d.code for d in found] == ["NL401"]
    assert found[0].suggestion == PERSON and "6 mentions in 3 files" in found[0].message
    # look-alike: another given name is another person
    other = live.check(str(article), variant.replace("Ottilie", "Sigrun")).diagnostics
    assert not [d for d in other if d.code == "NL401"]

    # an unsaved edit of a corpus file counts, not the file on disk: with two of the three
    # articles spelling it "Brandvolt" (unsaved), that spelling is no longer a rare slip
    for number in (0, 1):
        edited = story(number).replace("Brandvold", "Brandvolt")
        live.check(str(corpus / "harbour" / f"h{number}.txt"), edited)
    assert not [d for d in live.check(str(article), variant).diagnostics if d.code == "NL401"]
    for number in (0, 1):  # closed without saving: the files on disk count again
        live.close(str(corpus / "harbour" / f"h{number}.txt"))
    assert [d.code for d in live.check(str(article), variant).diagnostics] == ["NL401"]
    live.close(str(article))


def test_closing_every_article_leaves_the_index_of_the_files_on_disk(
    corpus: Path, live: LiveCorpus
) -> None:
    config, rules, packs = _setup(corpus)
    linter = Linter(config, rules, packs)
    fresh = IndexBuilder(linter.features)
    for path in sorted(corpus.rglob("*.txt")):
        for analysis in linter.first_pass(str(path), check=False).analyses:
            fresh.add(analysis)
    target = sorted(corpus.rglob("*.txt"))[5]
    live.check(str(target), "Something else entirely\n\nA short note about Brandvolt.\n")
    live.check(str(corpus / "elsewhere.txt"), story(9))
    live.close(str(target))
    live.close(str(corpus / "elsewhere.txt"))
    assert live.builder.build() == fresh.build()


def test_inline_directives_of_the_unsaved_text_apply(live: LiveCorpus, tmp_path: Path) -> None:
    path = str(tmp_path / "note.md")
    doubled = "Council notes\n\nThe council said the the budget was late.\n"
    assert [d.code for d in live.check(path, doubled).diagnostics] == ["NL301"]
    silenced = "<!-- newslint: disable=NL301 -->\n" + doubled
    assert live.check(path, silenced).diagnostics == []
    other = "<!-- newslint: disable=NL302 -->\n" + doubled  # look-alike: another rule
    assert [d.code for d in live.check(path, other).diagnostics] == ["NL301"]
    live.close(path)


def test_load_text_reads_an_editor_text_as_load_reads_a_file(tmp_path: Path) -> None:
    empty = load_text(str(tmp_path / "a.txt"), "  \n")
    assert [p.code for p in empty.problems] == ["NL003"] and not empty.documents
    records = load_text(str(tmp_path / "a.jsonl"), '{"text": "One."}\n\n{"text": "Two."}\n')
    assert [d.record for d in records.documents] == [1, 3]
    crlf = load_text(str(tmp_path / "b.txt"), "Title\r\n\r\nBody text here.\r\n")
    assert crlf.documents[0].lines[:3] == ["Title", "", "Body text here."]
    assert crlf.documents[0].newline == "\r\n"
