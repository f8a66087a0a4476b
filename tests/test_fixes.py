"""--fix, --unsafe-fixes and --diff: what is applied, how files are written, what is kept."""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.fixes import apply_edits, fix_all, fix_file, unified_diff, write_atomically
from lint.loader import load
from lint.registry import load_rule_set
from lint.roles import Role, RoleSettings, assign_roles
from tests.conftest import SEEDS, lint_paths, run_cli

Writer = Callable[[Mapping[str, str]], Path]

_SENTENCE = re.compile(r"(?<=[.!?’”\"])\s+(?=[A-Z‘“\"])")


def _words(text: str) -> str:
    """Lowercase words with doubled words collapsed: what a safe fix may not change."""
    words = re.findall(r"\w+", text.lower())
    kept = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return " ".join(kept)


def _body_sentences(path: Path, boilerplate: list[Diagnostic]) -> list[str]:
    """The sentences of the body lines, without the spans flagged as boilerplate in them
    (leaked scraper metadata glued to the first sentence, for example)."""
    [document] = load(str(path)).documents
    roles = assign_roles(document.lines, RoleSettings.from_packs(load_rule_set(Config()).packs))
    lines = list(document.lines)
    for d in boilerplate:
        if d.line == d.end_line:
            line = lines[d.line - 1]
            lines[d.line - 1] = line[: d.column - 1] + " " + line[d.end_column - 1 :]
    sentences: list[str] = []
    for number, line in enumerate(lines, start=1):
        if roles[number] is Role.BODY:
            sentences.extend(s for s in _SENTENCE.split(line) if len(s.split()) >= 4)
    return sentences


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def test_fix_on_the_seeds_removes_boilerplate_and_keeps_every_sentence(seeds_copy: Path) -> None:
    flagged = lint_paths([SEEDS], select=("NL1",)).diagnostics
    before = {
        p.name: _body_sentences(p, [d for d in flagged if Path(d.path).name == p.name])
        for p in sorted(SEEDS.glob("*.txt"))
    }
    assert sum(len(s) for s in before.values()) > 50
    done = run_cli([str(seeds_copy), "--fix"], cwd=seeds_copy.parent)
    assert done.returncode in (0, 1), done.stderr
    assert "applied" in done.stderr
    for name, sentences in before.items():
        fixed = _words((seeds_copy / name).read_text(encoding="utf-8"))
        lost = [s for s in sentences if _words(s) not in fixed]
        assert lost == [], f"{name}: sentences lost by --fix: {lost}"
    # the boilerplate the seeds carry is gone
    after = lint_paths([seeds_copy], select=("NL1",)).diagnostics
    assert [d for d in after if d.fix is not None and d.fix.safe] == []
    assert lint_paths([SEEDS], select=("NL1",)).diagnostics  # and it was there before
    text = "".join(p.read_text(encoding="utf-8") for p in seeds_copy.glob("*.txt"))
    assert "READ MORE:" not in text and "Story continues below advertisement" not in text


def test_diff_is_a_valid_patch_and_writes_nothing(seeds_copy: Path, tmp_path: Path) -> None:
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    originals = {p.name: p.read_bytes() for p in seeds_copy.glob("*.txt")}
    done = run_cli(["seeds", "--diff"], cwd=seeds_copy.parent)
    assert done.returncode == 1 and done.stdout.startswith("--- a/seeds/"), done.stderr
    assert {p.name: p.read_bytes() for p in seeds_copy.glob("*.txt")} == originals
    diff_file = tmp_path / "fix.diff"
    diff_file.write_text(done.stdout, encoding="utf-8")
    dry = subprocess.run(["patch", "-p1", "--dry-run", "-i", str(diff_file)],
                         cwd=seeds_copy.parent, capture_output=True, text=True, check=False)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    # applying it gives what one --fix pass writes
    subprocess.run(["patch", "-s", "-p1", "-i", str(diff_file)], cwd=seeds_copy.parent, check=True)
    patched = {p.name: p.read_bytes() for p in seeds_copy.glob("*.txt")}
    fixed_copy = Path(shutil.copytree(SEEDS, tmp_path / "again" / "seeds"))
    report = fix_all(lint_paths([fixed_copy]).diagnostics, unsafe=False, write=True)
    assert report.applied > 0
    assert {p.name: p.read_bytes() for p in fixed_copy.glob("*.txt")} == patched


ARTICLE = (
    "Port strike enters third week\r\n\r\n"
    "Dock workers extended their strike into a third week on Monday, halting traffic.\r\n\r\n"
    "The union said talks with the the employers had stalled over pensions .\r\n"
)


def test_fix_keeps_encoding_bom_and_newlines(write_corpus: Writer) -> None:
    folder = write_corpus({})
    path = folder / "crlf.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    legacy = folder / "legacy.txt"
    legacy.write_bytes(ARTICLE.replace("Monday", "Montréal Monday").encode("windows-1252"))
    assert run_cli([str(path), "--fix"]).returncode == 0
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data[3:].decode("utf-8") == ARTICLE.replace("the the", "the").replace(" .", ".")
    assert run_cli([str(legacy), "--fix", "--encoding", "windows-1252"]).returncode == 0
    assert legacy.read_bytes().decode("windows-1252") == ARTICLE.replace(
        "Monday", "Montréal Monday").replace("the the", "the").replace(" .", ".")


def _diag(path: str, start: int, end: int, text: str, fix: Fix) -> Diagnostic:
    return Diagnostic(path, 1, start + 1, 1, end + 1, "NL999", "t", Severity.WARNING, "m",
                      text=text, fix=fix)


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "abcdef"
    first = Fix((Edit(1, 3, "X"),))
    overlapping = Fix((Edit(2, 4, "Y"),))
    apart = Fix((Edit(4, 5, ""), Edit(0, 1, "")))
    fixed, applied = apply_edits(text, [overlapping, first, apart])
    assert (fixed, applied) == ("Xdf", 2)


def test_unsafe_fixes_only_on_request(write_corpus: Writer) -> None:
    folder = write_corpus({"a.txt": "Jon Smith spoke.\n"})
    path = str(folder / "a.txt")
    unsafe = _diag(path, 0, 3, "Jon", Fix((Edit(0, 3, "John"),), safe=False))
    assert fix_all([unsafe], unsafe=False, write=True).applied == 0
    assert fix_all([unsafe], unsafe=True, write=True).applied == 1
    assert (folder / "a.txt").read_text() == "John Smith spoke.\n"


def test_a_file_changed_since_it_was_checked_is_left_alone(write_corpus: Writer) -> None:
    folder = write_corpus({"a.txt": "It was was late.\n"})
    path = str(folder / "a.txt")
    stale = _diag(path, 3, 10, "was was", Fix((Edit(3, 7, ""),)))
    (folder / "a.txt").write_text("Now it is is early.\n")
    outcome = fix_file(path, [stale], False, write=True, encoding=None)
    assert isinstance(outcome, str) and "changed since" in outcome
    assert (folder / "a.txt").read_text() == "Now it is is early.\n"
    assert write_atomically(path, b"other", "0" * 32) is False
    assert (folder / "a.txt").read_text() == "Now it is is early.\n"


def test_diff_marks_a_missing_final_newline(write_corpus: Writer) -> None:
    folder = write_corpus({"a.txt": "It was was late."})
    path = str(folder / "a.txt")
    outcome = fix_file(path, [_diag(path, 3, 10, "was was", Fix((Edit(6, 10, ""),)))], False,
                       write=False, encoding=None)
    assert not isinstance(outcome, str)
    assert unified_diff([outcome]).endswith("+It was late.\n\\ No newline at end of file\n")


def test_unsafe_fixes_alone_is_a_usage_error(write_corpus: Writer) -> None:
    folder = write_corpus({"a.txt": "It was late.\n"})
    done = run_cli([str(folder), "--unsafe-fixes"])
    assert done.returncode == 2 and "--fix" in done.stderr
