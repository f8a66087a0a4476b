"""Output formats: SARIF 2.1.0 (validated against the official schema, plus GitHub code-scanning
constraints), JSON keys and code-point columns, GitHub annotations, text lines."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def seeds_sarif() -> dict[str, Any]:
    proc = run_cli(["seeds/", "--format", "sarif"], cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_vendored_schema_is_the_official_one() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft4Validator.check_schema(schema)


def test_seeds_sarif_validates_against_the_sarif_schema(seeds_sarif: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(seeds_sarif), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []
    assert seeds_sarif["version"] == "2.1.0"


def test_schema_rejects_a_broken_log(seeds_sarif: dict[str, Any]) -> None:
    """The validation can fail: a region with startLine 0 is not SARIF."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(seeds_sarif))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not jsonschema.Draft4Validator(schema).is_valid(broken)


def test_sarif_meets_github_code_scanning_constraints(seeds_sarif: dict[str, Any]) -> None:
    run = seeds_sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert run["results"]
    for result in run["results"]:
        assert re.fullmatch(r"NL\d{3}", result["ruleId"])
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["message"]["text"]
        assert result["partialFingerprints"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri.startswith("seeds/") and "://" not in uri and not uri.startswith("/")
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"]
        assert region["endColumn"] >= 1
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_sarif_absolute_path_outside_cwd_is_a_file_uri(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline here\n\nThe council met on Monday and and voted.\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run_cli([str(article), "--format", "sarif", "--select", "NL301"], cwd=elsewhere)
    data = json.loads(proc.stdout)
    uri = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == article.resolve().as_uri()


def test_sarif_with_no_findings_is_valid(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nThe council met on Monday.\n", encoding="utf-8")
    proc = run_cli([str(tmp_path), "--format", "sarif", "--select", "NL301"])
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft4Validator)
    assert data["runs"][0]["results"] == []


# ---------------------------------------------------------------- JSON

def _json(tmp_path: Path, text: str, *args: str) -> dict[str, Any]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    proc = run_cli([str(path), "--format", "json", *args])
    assert proc.returncode in (0, 1), proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_json_has_all_required_keys(tmp_path: Path) -> None:
    data = _json(tmp_path, "Headline\n\nThe plan was approved by the the council on Monday.\n")
    assert data["version"] == 1
    assert {"files", "documents", "diagnostics", "by_severity", "by_code"} <= set(data["summary"])
    (diag,) = data["diagnostics"]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "name", "severity",
                "message", "suggestion"):
        assert key in diag, key
    assert (diag["code"], diag["name"], diag["severity"], diag["suggestion"]) == (
        "NL301", "doubled-word", "warning", "the")


def test_json_columns_are_code_points_with_exclusive_end_after_astral_characters(tmp_path: Path) -> None:
    line = "Fans 🎉🇨🇦 cheered 𝒜 as the the team won."
    data = _json(tmp_path, f"Headline\n\n{line}\n", "--select", "NL301")
    (diag,) = data["diagnostics"]
    start = line.index("the the")
    assert (diag["line"], diag["column"], diag["end_line"], diag["end_column"]) == (
        3, start + 1, 3, start + len("the the") + 1)
    assert line[diag["column"] - 1 : diag["end_column"] - 1] == "the the"
    assert line.encode("utf-16-le").index("the the".encode("utf-16-le")) // 2 != start  # not UTF-16


def test_json_related_evidence(tmp_path: Path) -> None:
    text = ("Headline\n\nThe bridge will close for repairs on Monday morning.\n\n"
            "Other news.\n\nThe bridge will close for repairs on Monday morning.\n")
    data = _json(tmp_path, text, "--select", "NL201")
    (diag,) = data["diagnostics"]
    assert diag["line"] == 7
    assert diag["related"] == [{"path": diag["path"], "line": 3, "column": 1, "message": "first occurrence"}]


# ---------------------------------------------------------------- GitHub and text

def test_github_annotation_lines(tmp_path: Path) -> None:
    path = tmp_path / "a,b.txt"
    path.write_text("Headline\n\nThe plan was approved by the the council.\n", encoding="utf-8")
    proc = run_cli([str(path), "--format", "github", "--select", "NL301"])
    assert proc.returncode == 1
    (line,) = proc.stdout.splitlines()
    assert line.startswith("::warning file=")
    assert "a%2Cb.txt" in line
    assert ",line=3,col=" in line and "title=NL301 doubled-word" in line
    assert line.endswith("::Doubled word 'the' (suggestion: the)")


def test_text_line_format_and_summary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nThe plan was approved by the the council.\n", encoding="utf-8")
    proc = run_cli([str(path), "--select", "NL301", "--no-show-source"])
    lines = proc.stdout.splitlines()
    # [*]: fixable with --fix, as ruff marks it; the summary then says how many are
    assert re.fullmatch(rf"{re.escape(str(path))}:3:26: NL301 warning \[\*\] Doubled word 'the'.*",
                        lines[0])
    assert lines[-2].startswith("Checked 1 file (1 document): 0 errors, 1 warning")
    assert lines[-1] == "[*] 1 fixable with --fix."


def test_text_show_source_underlines_the_span(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nThe plan was approved by the the council.\n", encoding="utf-8")
    proc = run_cli([str(path), "--select", "NL301", "--show-source", "--quiet"])
    lines = proc.stdout.splitlines()
    assert lines[1] == "    The plan was approved by the the council."
    assert lines[2] == "    " + " " * 25 + "^" * len("the the")
