"""The seed corpus end to end: every expected boilerplate and transcription finding, no trap."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_cli

SCORER = ROOT.parent / "shared" / "tools" / "score_seeds.py"
EXPECTED = ROOT.parent / "shared" / "seeds" / "expected.jsonl"


def test_seeds_json_shape() -> None:
    proc = run_cli([str(SEEDS), "--format", "json"])
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    assert data["summary"]["files"] == 5
    first = data["diagnostics"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message"):
        assert key in first


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not beside the checkout")
def test_seed_scorer_must_rows_of_core_categories(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text(run_cli([str(SEEDS), "--format", "json"]).stdout, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCORER), str(out), str(EXPECTED)],
                          capture_output=True, text=True, check=False)
    core = ("boilerplate", "repeated-line", "unrelated-links", "metadata-leak", "doubled-word",
            "punctuation-spacing", "quote-mark")
    missed = [line for line in proc.stdout.splitlines()
              if line.startswith("MISSED must") and any(f" {c}:" in line for c in core)]
    assert missed == []
    assert "FLAGGED TRAP" not in proc.stdout
