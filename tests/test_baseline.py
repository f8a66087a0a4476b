"""Baseline gating: known findings are matched by file, rule and flagged text, not by line."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from lint.baseline import BaselineError, read_baseline
from tests.conftest import run_cli

Writer = Callable[[Mapping[str, str]], Path]

ARTICLE = (
    "Port strike enters third week\n\n"
    "Dock workers extended their strike into a third week on Monday, halting container traffic.\n\n"
    "The union said talks with the the employers' association had stalled over pensions.\n\n"
    "Shipping companies have diverted several vessels to other ports on the coast.\n"
)


def _findings(folder: Path, *args: str) -> list[dict[str, object]]:
    done = run_cli([str(folder), "--format", "json", *args], cwd=folder)
    assert done.returncode in (0, 1), done.stderr
    return list(json.loads(done.stdout)["diagnostics"])


def test_edit_above_a_known_finding_reports_only_the_new_artifact(write_corpus: Writer) -> None:
    folder = write_corpus({"port.txt": ARTICLE})
    baseline = folder / "newslint-baseline.json"
    assert [d["code"] for d in _findings(folder)] == ["NL301"]
    done = run_cli([str(folder), "--write-baseline", str(baseline)], cwd=folder)
    assert done.returncode == 0 and "wrote 1 finding" in done.stderr
    # an edit above the known finding moves it down; a new artifact goes in below it
    edited = ARTICLE.replace(
        "Dock workers", "Updated at noon with the ministry's statement.\n\nDock workers"
    ) + "\nA spokesman said the port would reopen once a deal was was signed.\n"
    (folder / "port.txt").write_text(edited, encoding="utf-8")
    new = _findings(folder, "--baseline", str(baseline))
    assert [(d["code"], d["text"]) for d in new] == [("NL301", "was was")]
    assert new[0]["line"] == edited.split("\n").index(
        "A spokesman said the port would reopen once a deal was was signed.") + 1
    gate = run_cli([str(folder), "--baseline", str(baseline)], cwd=folder)
    assert gate.returncode == 1
    # once the new artifact is repaired, the gate passes although the old one is still there
    (folder / "port.txt").write_text(edited.replace("was was", "was"), encoding="utf-8")
    assert run_cli([str(folder), "--baseline", str(baseline)], cwd=folder).returncode == 0
    assert run_cli([str(folder)], cwd=folder).returncode == 1


def test_a_second_copy_of_a_known_artifact_is_new(write_corpus: Writer) -> None:
    folder = write_corpus({"port.txt": ARTICLE})
    baseline = folder / "b.json"
    run_cli([str(folder), "--write-baseline", str(baseline)], cwd=folder)
    (folder / "port.txt").write_text(ARTICLE + "\nThe union said talks with the the employers "
                                     "would resume.\n", encoding="utf-8")
    assert [d["text"] for d in _findings(folder, "--baseline", str(baseline))] == ["the the"]


def test_baseline_paths_are_relative_to_the_baseline_file(write_corpus: Writer, tmp_path: Path) -> None:
    folder = write_corpus({"port.txt": ARTICLE})
    baseline = folder / "b.json"
    run_cli([str(folder), "--write-baseline", str(baseline)], cwd=tmp_path)
    [entry] = json.loads(baseline.read_text())["findings"]
    assert entry == {"path": "port.txt", "code": "NL301", "text": "the the", "count": 1}
    assert _findings(folder, "--baseline", str(baseline)) == []  # run from another folder


def test_corrupt_or_missing_baseline_is_a_clear_error(write_corpus: Writer) -> None:
    folder = write_corpus({"port.txt": ARTICLE})
    corrupt = folder / "b.json"
    corrupt.write_text('{"newslint_baseline": 1, "findings": [', encoding="utf-8")
    done = run_cli([str(folder), "--baseline", str(corrupt)])
    assert done.returncode == 2 and "corrupt baseline" in done.stderr
    assert done.stdout == ""
    missing = run_cli([str(folder), "--baseline", str(folder / "nope.json")])
    assert missing.returncode == 2 and "--write-baseline" in missing.stderr


def test_read_baseline_rejects_other_json(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text('{"version": 1, "diagnostics": []}')
    try:
        read_baseline(other)
    except BaselineError as exc:
        assert "not a newslint baseline" in str(exc)
    else:
        raise AssertionError("accepted a file that is not a baseline")


def test_write_baseline_replaces_an_existing_file(write_corpus: Writer) -> None:
    folder = write_corpus({"port.txt": ARTICLE})
    baseline = folder / "b.json"
    baseline.write_text("old content")
    run_cli([str(folder), "--write-baseline", str(baseline)], cwd=folder)
    assert sum(read_baseline(baseline).values()) == 1
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
