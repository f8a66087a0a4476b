"""``newslint clean``: the corpus without its boilerplate lines, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

ARTICLE = (
    "Harbourview opens its new library\n\n"
    "The new library on the harbour front opened on Saturday after two years of building work, "
    "and hundreds of residents queued in the rain to be among the first to borrow a book.\n\n"
    "Advertisement\n\n"
    "The building has a children's floor, a reading room that looks out over the water, and "
    "a café run by volunteers from the town's historical society, the librarian said.\n\n"
    "Sign up for the free Harbourview Weekly newsletter\n"
)
CLEANED = (
    "Harbourview opens its new library\n\n"
    "The new library on the harbour front opened on Saturday after two years of building work, "
    "and hundreds of residents queued in the rain to be among the first to borrow a book.\n\n"
    "The building has a children's floor, a reading room that looks out over the water, and "
    "a café run by volunteers from the town's historical society, the librarian said.\n"
)
CLEAN_ARTICLE = (
    "Ferry pier to close for repairs\n\n"
    "The old ferry pier will close for two weeks in April while engineers replace four piles, "
    "the town said on Monday, and walkers can use the beach path instead.\n"
)


def _corpus(root: Path) -> Path:
    folder = root / "in"
    (folder / "local").mkdir(parents=True)
    (folder / "local" / "library.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "pier.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    return folder


def test_clean_counts_one_line_and_one_document_in_the_singular(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "library.txt").write_text(ARTICLE.replace("Advertisement\n\n", ""), encoding="utf-8")
    proc = run_cli(["clean", str(source), "--out", str(tmp_path / "out"), "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    assert "removed 1 line (" in proc.stderr and "from 1 of 1 document" in proc.stderr
    assert "wrote 1 file" in proc.stderr and "1 files" not in proc.stderr


def test_clean_writes_the_corpus_without_boilerplate(tmp_path: Path) -> None:
    source = _corpus(tmp_path)
    proc = run_cli(["clean", str(source), "--out", str(tmp_path / "out"), "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "local" / "library.txt").read_text(encoding="utf-8") == CLEANED
    assert (tmp_path / "out" / "pier.txt").read_text(encoding="utf-8") == CLEAN_ARTICLE
    assert (source / "local" / "library.txt").read_text(encoding="utf-8") == ARTICLE  # untouched
    assert "removed 2 lines" in proc.stderr and "from 1 of 2 documents" in proc.stderr


def test_clean_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    source = _corpus(tmp_path)
    out = tmp_path / "out"
    (out / "local").mkdir(parents=True)
    (out / "local" / "library.txt").write_text("keep me\n", encoding="utf-8")
    proc = run_cli(["clean", str(source), "--out", str(out), "--no-cache"])
    assert proc.returncode == 2
    assert "--force" in proc.stderr
    assert (out / "local" / "library.txt").read_text(encoding="utf-8") == "keep me\n"
    proc = run_cli(["clean", str(source), "--out", str(out), "--force", "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    assert (out / "local" / "library.txt").read_text(encoding="utf-8") == CLEANED


def test_clean_needs_an_output_or_in_place(tmp_path: Path) -> None:
    source = _corpus(tmp_path)
    proc = run_cli(["clean", str(source), "--no-cache"])
    assert proc.returncode == 2
    assert (source / "local" / "library.txt").read_text(encoding="utf-8") == ARTICLE
    proc = run_cli(["clean", str(source), "--in-place", "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    assert (source / "local" / "library.txt").read_text(encoding="utf-8") == CLEANED


def test_clean_jsonl_in_jsonl_out(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "url": "https://harbour.example/library", "text": ARTICLE},
        {"id": "a2", "url": "https://harbour.example/pier", "text": CLEAN_ARTICLE},
    ]
    source = tmp_path / "crawl.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    proc = run_cli(["clean", str(source), "--out", str(tmp_path / "out"), "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    written = [json.loads(line) for line in (tmp_path / "out" / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == ["a1", "a2"]
    assert written[0]["text"] == CLEANED and written[0]["url"] == records[0]["url"]
    assert written[1]["text"] == CLEAN_ARTICLE


def test_clean_keeps_a_line_with_a_partial_finding(tmp_path: Path) -> None:
    """A leaked field before the first sentence is reported on part of the line: the line,
    with its sentence, stays."""
    text = ARTICLE.replace("The building", "date 2025-03-01 The building")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    proc = run_cli(["clean", str(folder), "--out", str(tmp_path / "out"), "--no-cache"])
    assert proc.returncode == 0, proc.stderr
    assert "date 2025-03-01 The building" in (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
