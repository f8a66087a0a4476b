"""Suppression: inline directives (Markdown, plain text, HTML), per-file ignores, vocabulary."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from lint.config import ConfigError, parse_table
from lint.suppress import Directive, html_directives, parse_directives
from tests.conftest import run_cli

Writer = Callable[[Mapping[str, str]], Path]

HEAD = "# Port strike enters third week\n\nDock workers extended their strike on Monday.\n\n"
DOUBLED = "The union said talks with the the employers had stalled.\n\n"
SPACED = "Shipping companies have diverted vessels to other ports .\n\n"


def _codes_and_lines(folder: Path, name: str) -> list[tuple[str, int]]:
    done = run_cli([str(folder / name), "--format", "json"])
    assert done.returncode in (0, 1), done.stderr
    return [(d["code"], d["line"]) for d in json.loads(done.stdout)["diagnostics"]]


def test_disable_and_enable_a_code_in_markdown(write_corpus: Writer) -> None:
    text = (HEAD + "<!-- newslint: disable=NL301 -->\n\n" + DOUBLED + SPACED
            + "<!-- newslint: enable=NL301 -->\n\n" + "A deal was was signed.\n")
    folder = write_corpus({"a.md": text})
    assert _codes_and_lines(folder, "a.md") == [("NL302", 9), ("NL301", 13)]


def test_disable_without_codes_silences_every_rule(write_corpus: Writer) -> None:
    folder = write_corpus({"a.md": HEAD + "<!-- newslint: disable -->\n\n" + DOUBLED + SPACED})
    assert _codes_and_lines(folder, "a.md") == []
    folder = write_corpus({"b.md": HEAD + DOUBLED + SPACED})
    assert [c for c, _ in _codes_and_lines(folder, "b.md")] == ["NL301", "NL302"]


def test_disable_all_then_enable_one_code(write_corpus: Writer) -> None:
    text = HEAD + "<!-- newslint: disable -->\n<!-- newslint: enable=NL302 -->\n\n" + DOUBLED + SPACED
    folder = write_corpus({"a.md": text})
    assert [c for c, _ in _codes_and_lines(folder, "a.md")] == ["NL302"]


def test_directives_accept_prefixes_and_names() -> None:
    lines = ["<!-- newslint: disable=NL3, doubled-word -->", "text", "<!--newslint:enable-->"]
    assert parse_directives(lines) == [
        Directive(1, "disable", ("NL3", "doubled-word")), Directive(3, "enable", ()),
    ]
    assert parse_directives(["<!-- newslint disable=NL301 -->", "# newslint: disable"]) == []


def test_html_directive_applies_from_the_following_text(write_corpus: Writer) -> None:
    page = (
        "<html><body><article><h1>Port strike enters third week</h1>"
        "<p>Dock workers extended their strike into a third week on Monday, halting traffic.</p>"
        "<!-- newslint: disable=NL301 -->"
        "<p>The union said talks with the the employers had stalled over pensions and pay.</p>"
        "<!-- newslint: enable=NL301 -->"
        "<p>A spokesman said the port would reopen once a deal was was signed by both sides.</p>"
        "</article></body></html>"
    )
    folder = write_corpus({"a.html": page})
    done = run_cli([str(folder / "a.html"), "--format", "json"])
    assert [d["text"] for d in json.loads(done.stdout)["diagnostics"]] == ["was was"]
    extracted = "Port strike\n\nDock workers\n\nThe union said talks\n\nA spokesman said\n"
    source = "<h1>Port strike</h1><p>Dock workers</p><!-- newslint: disable --><p>The union said talks</p>"
    assert html_directives(source, extracted) == [Directive(5, "disable", ())]


def test_per_file_ignores_in_config(write_corpus: Writer) -> None:
    folder = write_corpus({
        "pyproject.toml": '[tool.newslint]\n[tool.newslint.per-file-ignores]\n"wire/*" = ["NL301"]\n',
        "wire/a.txt": HEAD + DOUBLED,
        "desk/a.txt": HEAD + DOUBLED,
    })
    done = run_cli(["wire", "desk", "--format", "json"], cwd=folder)
    assert [d["path"] for d in json.loads(done.stdout)["diagnostics"]] == ["desk/a.txt"]


def test_vocabulary_of_accepted_names_is_configurable(tmp_path: Path) -> None:
    config = parse_table({"vocabulary": {"accept": ["Tshisekedi", "Tsikhanouskaya"],
                                         "reject": {"Tikhanovskaya": "Tsikhanouskaya"}}}, tmp_path / "x")
    assert "Tshisekedi" in config.vocabulary.accept
    assert config.vocabulary.reject == {"Tikhanovskaya": "Tsikhanouskaya"}
    with pytest.raises(ConfigError):
        parse_table({"vocabulary": {"allow": ["x"]}}, tmp_path / "x")
