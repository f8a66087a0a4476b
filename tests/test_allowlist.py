"""Suppression without editing the article: the content-keyed allow list in config, the
``newslint allow`` command that writes it, and warnings for directives that do nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.config import ConfigError, read_config_file
from tests.conftest import run_cli

ARTICLE = (
    "Harbour plan approved\n\n"
    "The council approved the the plan on Monday.\n\n"
    "Officials said that that was expected.\n\n"
    "Residents said the the ferry would wait.\n"
)


def codes_and_texts(folder: Path, *args: str) -> list[tuple[str, str, str]]:
    done = run_cli([".", "--format", "json", "--select", "NL301", *args], cwd=folder)
    return [(d["path"], d["code"], d["text"]) for d in json.loads(done.stdout)["diagnostics"]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_an_allow_entry_accepts_its_text_in_its_files_only(folder: Path) -> None:
    (folder / "newslint.toml").write_text("", encoding="utf-8")
    assert codes_and_texts(folder).count(("articles/a.txt", "NL301", "the the")) == 2
    (folder / "newslint.toml").write_text(
        '[[allow]]\npath = "articles/a.txt"\nrule = "NL301"\ntext = "the the"\n'
        'reason = "a quotation printed as spoken"\n', encoding="utf-8")
    found = codes_and_texts(folder)
    assert [f for f in found if f[0] == "articles/a.txt"] == []  # both copies in a.txt
    assert found.count(("articles/b.txt", "NL301", "the the")) == 2  # not another file
    assert (folder / "articles" / "a.txt").read_text(encoding="utf-8") == ARTICLE  # untouched


def test_an_allow_entry_for_another_rule_or_text_allows_nothing(folder: Path) -> None:
    (folder / "newslint.toml").write_text(
        '[[allow]]\nrule = "NL302"\ntext = "the the"\nreason = "x"\n'
        '[[allow]]\nrule = "NL301"\ntext = "a a"\nreason = "x"\n', encoding="utf-8")
    assert len(codes_and_texts(folder)) == 4


@pytest.mark.parametrize(("entry", "complaint"), [
    ('[[allow]]\nrule = "NL301"\ntext = "the the"\n', "'reason'"),
    ('[[allow]]\nrule = "NL301"\ntext = "the the"\nreason = "x"\nline = 3\n', "'line'"),
    ('allow = ["NL301"]\n', "array of tables"),
])
def test_a_malformed_allow_entry_is_a_config_error(tmp_path: Path, entry: str, complaint: str) -> None:
    path = tmp_path / "newslint.toml"
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(ConfigError, match=complaint):
        read_config_file(path)
    done = run_cli(["."], cwd=tmp_path)
    assert done.returncode == 2 and "newslint.toml" in done.stderr


def test_allow_command_writes_entries_keeping_the_config(folder: Path) -> None:
    pyproject = folder / "pyproject.toml"
    pyproject.write_text('[project]\nname = "harbour-news"  # our site\n\n'
                         '[tool.newslint]\n# the house settings\nselect = ["NL301"]\n',
                         encoding="utf-8")
    done = run_cli(["allow", "articles/a.txt", "--select", "NL301", "--reason",
                    "quoted as spoken"], cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "added 1 allow-list entry" in done.stderr  # two findings, one text: one entry
    text = pyproject.read_text(encoding="utf-8")
    assert '# our site' in text and "# the house settings" in text
    config = read_config_file(pyproject)
    assert config is not None
    [entry] = config.allow
    assert (entry.path, entry.rule, entry.text, entry.reason) == (
        "articles/a.txt", "NL301", "the the", "quoted as spoken")
    assert [f[0] for f in codes_and_texts(folder)] == ["articles/b.txt", "articles/b.txt"]
    again = run_cli(["allow", "articles/a.txt", "--select", "NL301", "--reason", "x"], cwd=folder)
    assert again.returncode == 0 and "no finding to allow" in again.stderr


def test_allow_command_creates_newslint_toml_and_filters_by_text(folder: Path) -> None:
    (folder / "articles" / "c.txt").write_text(
        "Ferry news\n\nThe the ferry left. It was a a calm day.\n", encoding="utf-8")
    done = run_cli(["allow", "articles/c.txt", "--text", "a a", "--reason", "a typo we keep"],
                   cwd=folder)
    assert done.returncode == 0, done.stderr
    config = read_config_file(folder / "newslint.toml")
    assert config is not None and [e.text for e in config.allow] == ["a a"]


# -- directives that do nothing ----------------------------------------------------------------

def _directive_findings(tmp_path: Path, directive: str) -> list[str]:
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    (tmp_path / "d.md").write_text(
        f"Harbour plan\n\n{directive}\nAdvertisement\n\nThe council met.\n", encoding="utf-8")
    done = run_cli(["d.md", "--format", "json", "--select", "NL010,NL101"], cwd=tmp_path)
    return [f"{d['code']}:{d['line']}" for d in json.loads(done.stdout)["diagnostics"]]


@pytest.mark.parametrize("directive", [
    "<!-- newslint: disabel=NL101 -->",        # misspelled action
    "<!-- newslint disable=NL101 -->",         # no colon
    "<!-- newslint: disable=NL101",            # never closed
])
def test_a_malformed_directive_is_reported(tmp_path: Path, directive: str) -> None:
    assert _directive_findings(tmp_path, directive) == ["NL010:3", "NL101:4"]


@pytest.mark.parametrize("directive", [
    "<!-- newslint: disable=NL9O1 -->",        # a letter O for a zero: no such rule
    "<!-- newslint: disable=NL101 NL102 -->",  # spaces, not commas: one selector
    "<!-- newslint: disable=ad-maker -->",     # a misspelled rule name
])
def test_a_directive_naming_no_rule_is_reported(tmp_path: Path, directive: str) -> None:
    found = _directive_findings(tmp_path, directive)
    assert found[0] == "NL010:3"


@pytest.mark.parametrize("directive", [
    "<!-- newslint: disable=NL101 -->", "<!-- newslint: disable=NL1,doubled-word -->",
    "<!-- newslint: disable=ad-marker -->", "<!-- newslint: disable -->",
    "<!-- newslint: disable=ALL -->",
])
def test_a_valid_directive_is_not_reported_and_works(tmp_path: Path, directive: str) -> None:
    assert _directive_findings(tmp_path, directive) == []


def test_an_html_comment_that_is_not_a_directive_is_ignored(tmp_path: Path) -> None:
    assert _directive_findings(tmp_path, "<!-- editor: check the newsletter link -->") == ["NL101:4"]
