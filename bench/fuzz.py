"""Fuzz every rule with Hypothesis for a while and print examples/s and failures found.

Usage: .venv/bin/python -m bench.fuzz [--seconds 180]

Runs the same properties as tests/test_properties.py (no exception, spans inside the document,
fixes touch only their spans) with many more examples, then prints the figures.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.test_properties import lint_texts, linter, problems, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=180.0)
    args = parser.parse_args()
    linter()  # load spaCy and the packs before timing
    stats = {"examples": 0, "diagnostics": 0, "chars": 0}
    failures: list[tuple[list[str], list[str]]] = []
    deadline = time.monotonic() + args.seconds
    folder = Path(tempfile.mkdtemp(prefix="newslint-fuzz-"))

    @settings(max_examples=50, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.lists(texts, min_size=1, max_size=4))
    def one(corpus: list[str]) -> None:
        if time.monotonic() > deadline:
            return
        documents, diagnostics = lint_texts(corpus, folder)
        stats["examples"] += 1
        stats["diagnostics"] += len(diagnostics)
        stats["chars"] += sum(map(len, corpus))
        found = problems(documents, diagnostics)
        if found and len(failures) < 20:
            failures.append((corpus, found))

    start = time.monotonic()
    while time.monotonic() < deadline:
        one()
    elapsed = time.monotonic() - start
    print(f"fuzz: {stats['examples']:,} corpora ({stats['chars']:,} chars) in {elapsed:.0f} s "
          f"= {stats['examples'] / elapsed:.1f} examples/s; {stats['diagnostics']:,} diagnostics "
          f"checked; {len(failures)} failing examples")
    for corpus, found in failures[:5]:
        print(f"  FAIL {corpus!r:.200}: {found[:3]}")


if __name__ == "__main__":
    main()
