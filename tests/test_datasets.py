"""No silent passes: every format newslint reads is walked by default, Parquet and Arrow files
and Hugging Face dataset folders (written here by the real ``datasets`` library) are read like
JSONL, and a run whose paths hold no article is an error unless allowed."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import run_cli

ROWS = {
    "id": ["hb-1", "hb-2", "hb-3"],
    "body": [
        "Harbour plan approved\n\nThe council approved the the harbour plan on Monday.",
        "Ferry fares rise\n\nRiders said the fares were too high for families.",
        "",
    ],
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "newslint.toml").write_text('text-field = "body"\nselect = ["NL0", "NL301"]\n',
                                            encoding="utf-8")
    return tmp_path


def findings(folder: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    done = run_cli([*args, "--format", "json"], cwd=folder)
    return done.returncode, json.loads(done.stdout)["diagnostics"] if done.stdout else []


def test_parquet_rows_are_read_like_jsonl_records(folder: Path) -> None:
    pq.write_table(pa.table(ROWS), folder / "wire.parquet")
    code, found = findings(folder, "wire.parquet")
    assert code == 1
    by_code = {d["code"]: d for d in found}
    assert set(by_code) == {"NL301", "NL007"}
    doubled = by_code["NL301"]
    assert (doubled["record"], doubled["record_id"]) == (1, "hb-1")
    assert (doubled["line"], doubled["column"]) == (3, 22)  # in the row's text: no lines in the file
    assert by_code["NL007"]["record"] == 3  # the empty row is reported, not skipped
    text = run_cli(["wire.parquet", "--no-show-source"], cwd=folder).stdout
    assert "wire.parquet:row 1:3:22: NL301" in text and "[record id=hb-1]" in text


def test_hugging_face_dataset_folders_saved_to_disk(folder: Path) -> None:
    dataset = datasets.Dataset.from_dict(ROWS)
    dataset.save_to_disk(str(folder / "saved"))
    datasets.DatasetDict({"train": dataset, "test": dataset}).save_to_disk(str(folder / "splits"))
    code, found = findings(folder, "saved", "splits")
    doubled = sorted(d["path"] for d in found if d["code"] == "NL301")
    assert code == 1
    assert doubled == ["saved/data-00000-of-00001.arrow", "splits/test/data-00000-of-00001.arrow",
                       "splits/train/data-00000-of-00001.arrow"]
    assert not any(d["path"].endswith(".json") for d in found)


def test_hub_layout_reads_the_data_files_not_the_dataset_card(folder: Path) -> None:
    hub = folder / "hub"
    datasets.Dataset.from_dict(ROWS).to_parquet(str(hub / "data" / "train-00000-of-00001.parquet"))
    (hub / "README.md").write_text(
        "---\nlicense: cc-by-4.0\nconfigs:\n- config_name: default\n  data_files: data/*.parquet\n"
        "---\n\n# Harbour wire\n\nThe the card is not an article.\n", encoding="utf-8")
    code, found = findings(folder, "hub")
    assert code == 1
    assert {d["path"] for d in found} == {"hub/data/train-00000-of-00001.parquet"}
    (folder / "notes").mkdir()  # a README.md that is not a dataset card is still an article
    (folder / "notes" / "README.md").write_text("---\ntitle: Notes\n---\n\nThe the notes.\n",
                                                encoding="utf-8")
    _, found = findings(folder, "notes")
    assert [d["code"] for d in found] == ["NL301"]


def test_a_missing_text_column_is_reported(folder: Path) -> None:
    pq.write_table(pa.table({"id": ["x"], "content": ["Some text."]}), folder / "other.parquet")
    _, found = findings(folder, "other.parquet")
    assert [d["code"] for d in found] == ["NL007"]
    assert "'body' column" in str(found[0]["message"])


def test_without_pyarrow_a_table_file_is_an_input_error(folder: Path) -> None:
    import subprocess
    import sys

    pq.write_table(pa.table(ROWS), folder / "wire.parquet")
    code = ("import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None; "
            "sys.argv = ['newslint', 'wire.parquet', '--no-cache']; from lint.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 2
    assert "NL004" in done.stdout and "needs pyarrow" in done.stdout


def test_a_folder_of_jsonl_and_html_only_is_checked(folder: Path) -> None:
    (folder / "wire.jsonl").write_text(json.dumps({"body": ROWS["body"][0]}) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><article><h1>Harbour</h1><p>The council approved the the plan on Monday "
        "after a long debate about the ferry terminal.</p></article></body></html>",
        encoding="utf-8")
    code, found = findings(folder, ".")
    assert code == 1
    assert {d["path"] for d in found} == {"wire.jsonl", "page.html"}


@pytest.mark.parametrize("layout", ["empty", "only-unread-formats"])
def test_a_run_that_checks_nothing_exits_2_and_says_so(folder: Path, layout: str) -> None:
    target = folder / "corpus"
    target.mkdir()
    if layout == "only-unread-formats":
        (target / "export.csv").write_text("id,text\n1,The the plan\n", encoding="utf-8")
        (target / "notes.json").write_text("{}", encoding="utf-8")
    done = run_cli(["corpus"], cwd=folder)
    assert done.returncode == 2
    assert "no article to check in corpus" in done.stderr and "--allow-empty" in done.stderr
    allowed = run_cli(["corpus", "--allow-empty"], cwd=folder)
    assert allowed.returncode == 0 and "no article to check" in allowed.stderr
    (folder / "newslint.toml").write_text("allow-empty = true\n", encoding="utf-8")
    assert run_cli(["corpus"], cwd=folder).returncode == 0


def test_pre_commit_with_no_article_among_the_changed_files_still_passes(folder: Path) -> None:
    """The hook passes every changed text file: none being an article is not an error there."""
    (folder / "setup.cfg").write_text("[metadata]\n", encoding="utf-8")
    done = run_cli(["check", "--skip-outside-corpus", "setup.cfg"], cwd=folder)
    assert done.returncode == 0, done.stderr
