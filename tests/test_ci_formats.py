"""The CI formats beside JSON, SARIF and GitHub: JSON Lines, JUnit XML, GitLab Code Quality and
reviewdog's rdjson, each checked against a schema written from its official documentation
(tests/data, source noted in each file) or read by a real consumer (junitparser, from PyPI)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from tests.conftest import run_cli

DATA = Path(__file__).parent / "data"
ARTICLE = (
    "Café owners back harbour plan\n\n"
    "Café owners in Belmont said the the plan would help trade.\n\n"
    "Advertisement\n\n"
    "They said the the council should vote soon.\n"
)
RECORD = {"id": "wire-7", "text": "Ferry fares rise\n\nRiders said the the fares were too high."}


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def errors(instance: Any, name: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema(name))
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ci")
    (folder / "newslint.toml").write_text('locale = "en-CA"\n', encoding="utf-8")
    (folder / "cafe.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return folder


def output(corpus: Path, fmt: str) -> str:
    done = run_cli([".", "--format", fmt], cwd=corpus)
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_every_schema_is_itself_valid() -> None:
    for name in ("gitlab-code-quality.schema.json", "rdjson.schema.json",
                 "newslint-diagnostic.schema.json"):
        jsonschema.Draft7Validator.check_schema(schema(name))
        assert "$comment" in schema(name)  # where it was written from


def test_json_lines_one_valid_diagnostic_per_line(corpus: Path) -> None:
    lines = output(corpus, "jsonl").splitlines()
    full = json.loads(output(corpus, "json"))["diagnostics"]
    assert [json.loads(line) for line in lines] == full and len(lines) >= 4
    for line in lines:
        assert errors(json.loads(line), "newslint-diagnostic.schema.json") == []
    broken = dict(json.loads(lines[0]), line=0)
    assert errors(broken, "newslint-diagnostic.schema.json")  # the schema can fail


def test_junit_xml_read_by_junitparser(corpus: Path, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    done = run_cli([".", "--format", "junit", "--output-file", str(report)], cwd=corpus)
    assert done.returncode == 1 and done.stdout == ""
    xml = JUnitXml.fromfile(str(report))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {"cafe.txt", "wire.jsonl"}
    cases = [case for suite in xml for case in suite]
    expected = len(json.loads(output(corpus, "json"))["diagnostics"])
    assert len(cases) == expected == sum(suite.failures for suite in xml)
    failures = [r for case in cases for r in case.result if isinstance(r, Failure)]
    assert len(failures) == expected
    assert any("NL301" in (f.type or "") and "wire.jsonl:1:" in (f.text or "") for f in failures)


def test_junit_without_findings_is_one_passing_case(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Harbour plan\n\nThe council approved the plan.\n",
                                    encoding="utf-8")
    done = run_cli(["a.txt", "--format", "junit"], cwd=tmp_path)
    assert done.returncode == 0
    (tmp_path / "r.xml").write_text(done.stdout, encoding="utf-8")
    xml = JUnitXml.fromfile(str(tmp_path / "r.xml"))
    [case] = [case for suite in xml for case in suite]
    assert case.is_passed


def test_gitlab_code_quality_validates_with_unique_fingerprints(corpus: Path) -> None:
    issues = json.loads(output(corpus, "gitlab"))
    assert errors(issues, "gitlab-code-quality.schema.json") == []
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    doubled = [i for i in issues if i["check_name"] == "NL301" and i["location"]["path"] == "cafe.txt"]
    assert len(doubled) == 2  # the same text twice: two findings, two fingerprints
    record = next(i for i in issues if i["location"]["path"] == "wire.jsonl")
    assert record["location"]["lines"]["begin"] == 1 and "record id=wire-7" in record["description"]
    assert errors([{**issues[0], "severity": "warning"}], "gitlab-code-quality.schema.json")


def test_gitlab_fingerprints_survive_edits_above_the_finding(corpus: Path, tmp_path: Path) -> None:
    before = {i["fingerprint"] for i in json.loads(output(corpus, "gitlab"))}
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "newslint.toml").write_text('locale = "en-CA"\n', encoding="utf-8")
    (moved / "cafe.txt").write_text(ARTICLE.replace("\n\n", "\n\nA new first paragraph.\n\n", 1),
                                    encoding="utf-8")
    (moved / "wire.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    after = {i["fingerprint"] for i in json.loads(output(moved, "gitlab"))}
    assert before <= after


def test_rdjson_validates_with_utf8_byte_columns(corpus: Path) -> None:
    result = json.loads(output(corpus, "rdjson"))
    assert errors(result, "rdjson.schema.json") == []
    assert result["source"]["name"] == "newslint"
    first = next(d for d in result["diagnostics"]
                 if d["code"]["value"] == "NL301" and d["location"]["path"] == "cafe.txt")
    start = first["location"]["range"]["start"]
    line = ARTICLE.split("\n")[start["line"] - 1].encode("utf-8")
    assert line[start["column"] - 1:].startswith(b"the the")  # bytes: 'é' counts two
    assert errors({"diagnostics": [{"message": "x"}]}, "rdjson.schema.json")
