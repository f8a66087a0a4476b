"""JSONL and HTML corpora: records located at their own line of the file, with their id, in every
output format; extracted HTML text."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from lint.diagnostic import Diagnostic
from lint.document import Document
from lint.formats import JsonlFields, extract_html, iter_jsonl
from tests.conftest import run_cli

Writer = Callable[[Mapping[str, str]], Path]

PARK = "Mayor opens new park\n\nThe mayor opened the new park on Saturday morning.\n\n"


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_findings_are_located_at_the_records_line_in_every_format(write_corpus: Writer) -> None:
    """A finding on the 5th line of record 2's text is on line 2 of the file (not line 5, which
    is another record or none), at the column of the flagged words in the escaped JSON."""
    folder = write_corpus({"wire.jsonl": _jsonl(
        {"id": "a1", "text": PARK + "Residents said it was overdue."},
        {"id": "a2", "text": PARK + "Résidents said the the park was overdue."},
        {"id": "a3", "text": PARK + "Nothing here."},
        {"id": "a4", "text": PARK + "Nothing here either."},
        {"id": "a5", "text": PARK + "Nor here."},
    )})
    raw = (folder / "wire.jsonl").read_text(encoding="utf-8").split("\n")[1]
    column = raw.index("the the") + 1
    assert "\\u00e9" in raw  # escapes before the span: columns of the file, not of the text

    done = run_cli(["wire.jsonl", "--select", "NL301", "--no-show-source"], cwd=folder)
    assert done.returncode == 1, done.stderr
    assert f"wire.jsonl:2:{column}: NL301" in done.stdout
    assert "[record id=a2, text 5:16]" in done.stdout

    data = json.loads(run_cli(["wire.jsonl", "--select", "NL301", "--format", "json"], cwd=folder).stdout)
    [finding] = data["diagnostics"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, column, column + 7)
    assert (finding["record"], finding["record_id"]) == (2, "a2")
    assert finding["in_record"] == {"line": 5, "column": 16, "end_line": 5, "end_column": 23}

    github = run_cli(["wire.jsonl", "--select", "NL301", "--format", "github"], cwd=folder).stdout
    assert f"file=wire.jsonl,line=2,col={column},endLine=2,endColumn={column + 7}," in github
    assert "record id=a2" in github

    sarif = json.loads(run_cli(["wire.jsonl", "--select", "NL301", "--format", "sarif"], cwd=folder).stdout)
    [result] = sarif["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, column, column + 7)
    assert result["locations"][0]["logicalLocations"][0]["name"] == "a2"
    assert result["properties"]["recordId"] == "a2"


def test_jsonl_record_without_id_is_named_by_its_url_or_number(write_corpus: Writer) -> None:
    folder = write_corpus({"wire.jsonl": _jsonl(
        {"url": "https://example.org/park", "text": PARK + "They said the the work is done."},
        {"text": PARK + "They said the the work is done."},
    )})
    done = run_cli(["wire.jsonl", "--no-show-source"], cwd=folder)
    assert "[record id=https://example.org/park, text 5:11]" in done.stdout
    assert "[record #2, text 5:11]" in done.stdout


def test_jsonl_id_field_is_configurable(write_corpus: Writer) -> None:
    folder = write_corpus({
        "newslint.toml": 'jsonl-id-field = "guid"\n',
        "wire.jsonl": _jsonl({"id": 7, "guid": "wire-0042", "text": PARK + "They said the the work."}),
    })
    done = run_cli(["wire.jsonl", "--no-show-source"], cwd=folder)
    assert "[record id=wire-0042, text 5:11]" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("ascii_only", [True, False])
@pytest.mark.parametrize("body", ["a\nb the the c", "é\r\nx\ty😀z\"q the the", "\u2028 the the\r"])
def test_record_columns_follow_json_escapes(body: str, ascii_only: bool) -> None:
    raw = json.dumps({"id": "x", "meta": {"text": 1}, "text": body}, ensure_ascii=ascii_only)
    [document] = list(iter_jsonl("w.jsonl", raw + "\n", JsonlFields()))
    assert isinstance(document, Document) and document.origin is not None
    start = document.text.index("the the")
    line, column, _, end_column = document.origin.span(start, start + 7)
    assert line == 1 and raw[column - 1:end_column - 1] == "the the"


def test_malformed_jsonl_line_is_a_diagnostic_and_other_records_are_checked(
    write_corpus: Writer,
) -> None:
    folder = write_corpus({"wire.jsonl": _jsonl(
        '{"id": "a1", "text": "unterminated',
        [1, 2],
        {"id": "a3", "url": "https://example.org/3", "body": "wrong field"},
        {"id": "a4", "text": PARK + "Officials said the the work is done."},
    )})
    done = run_cli([str(folder / "wire.jsonl"), "--format", "json"])
    found = {(d["code"], d["record"]) for d in json.loads(done.stdout)["diagnostics"]}
    assert found == {("NL006", 1), ("NL006", 2), ("NL007", 3), ("NL301", 4)}
    assert done.returncode == 1  # a finding, not a crash or an input error


def test_jsonl_text_field_is_configurable(write_corpus: Writer) -> None:
    folder = write_corpus({
        "pyproject.toml": '[tool.newslint]\njsonl-text-field = "body"\n',
        "wire.jsonl": _jsonl({"id": "a1", "body": PARK + "They said the the work is done."}),
    })
    done = run_cli([str(folder / "wire.jsonl"), "--no-show-source"])
    assert "[record id=a1, text 5:11]" in done.stdout, done.stdout + done.stderr


def test_iter_jsonl_skips_blank_lines_and_numbers_records_by_line() -> None:
    text = _jsonl({"text": "One."}) + "\n" + _jsonl({"text": "Two."})
    items = list(iter_jsonl("x.jsonl", text, JsonlFields()))
    assert [i.record for i in items if isinstance(i, Document)] == [1, 3]
    assert not any(isinstance(i, Diagnostic) for i in items)


PAGE = """<html><head><title>Park</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sports">Sports</a></nav>
<article><h1>Mayor opens new park</h1>
<p>The mayor opened the new park on Saturday morning, cutting a ribbon in front of families.</p>
<p>Officials said a second a a phase would add a playground and a splash pad next summer.</p>
</article><footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>"""


def test_html_is_checked_on_the_extracted_text(write_corpus: Writer) -> None:
    folder = write_corpus({"page.html": PAGE})
    extracted = extract_html(PAGE) or ""
    assert "Home" not in extracted and "Copyright" not in extracted
    line = extracted.split("\n").index(next(x for x in extracted.split("\n") if "a a" in x)) + 1
    done = run_cli([str(folder / "page.html"), "--format", "json"])
    [finding] = json.loads(done.stdout)["diagnostics"]
    assert finding["code"] == "NL301" and finding["line"] == line
    assert "extracted from the HTML" in finding["message"]


def test_html_without_article_text_is_reported(write_corpus: Writer) -> None:
    folder = write_corpus({"empty.html": "<html><body><script>var x = 1;</script></body></html>"})
    done = run_cli([str(folder / "empty.html"), "--no-show-source"])
    assert "NL008" in done.stdout, done.stdout


def test_folders_include_every_format_read_by_default(write_corpus: Writer) -> None:
    folder = write_corpus({
        "a.txt": PARK + "They said the the work is done.\n",
        "b.jsonl": _jsonl({"text": PARK + "They said the the work is done."}),
        "c.html": PAGE,
        "d.json": '{"text": "not an article format: left alone"}',
    })
    default = run_cli([str(folder), "--no-show-source"]).stdout
    assert "a.txt:" in default and "b.jsonl:1:" in default and "c.html:" in default
    assert "d.json" not in default
    narrow = run_cli([str(folder), "--no-show-source", "--include", "*.txt"]).stdout
    assert "a.txt:" in narrow and "b.jsonl" not in narrow and "c.html" not in narrow


def test_format_codes_are_documented_and_selectable(write_corpus: Writer) -> None:
    folder = write_corpus({"wire.jsonl": _jsonl("not json", {"text": PARK + "Fine text."})})
    done = run_cli([str(folder / "wire.jsonl"), "--ignore", "NL006"])
    assert done.returncode == 0, done.stdout + done.stderr
    for code in ("NL006", "NL007", "NL008"):
        assert run_cli(["explain", code]).returncode == 0
