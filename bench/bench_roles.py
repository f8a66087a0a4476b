"""Speed of the document rules (line roles included) against another checkout, in one run.

Line roles run on every document before any rule: the page analysis (the article's main
block, headline lists, templated lines) adds work there. This bench times the document rules
that never ask spaCy for a parse (`bench_scale`'s "doc rules without NLP") on a generated
corpus and, if given, a folder of real pages, for this tree and for another checkout of
newslint (``--base``: e.g. a ``git worktree`` of the base commit), alternating the two so that
the machine's load hits both alike, and prints the median of ``--repeat`` runs.

    .venv/bin/python -m bench.bench_roles --base /tmp/base-checkout [--articles 1000]
        [--pages FOLDER] [--repeat 5] [--jobs 1]

The base runs with this tree's interpreter and PYTHONPATH set to its folder, so both use the
same installed libraries; both run the rules they share (a rule only this tree has is named and
left out, so that the figures compare the same work plus the line roles). Nothing here is a
test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_scale import Measure, document_rule_codes, measured, median
from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def command(checkout: Path, folder: Path, jobs: int, codes: str) -> tuple[list[str], dict[str, str]]:
    args = [sys.executable, "-m", "lint", "check", str(folder), "--format", "json",
            "--no-cache", "--jobs", str(jobs), "--select", codes]
    return args, {"PYTHONPATH": str(checkout)}


def codes_of(checkout: Path) -> set[str]:
    """The NLP-free document rules of a checkout (asked of that checkout itself)."""
    found = subprocess.run(
        [sys.executable, "-c",
         "from bench.bench_scale import document_rule_codes; print(document_rule_codes(False))"],
        env={**os.environ, "PYTHONPATH": str(checkout)}, cwd=checkout,
        capture_output=True, text=True, check=True,
    )
    return set(found.stdout.strip().split(","))


def compare(label: str, folder: Path, base: Path | None, jobs: int, repeat: int) -> None:
    mine = set(document_rule_codes(nlp=False).split(","))
    shared = mine & codes_of(base) if base else mine
    codes = ",".join(sorted(shared))
    if base and mine - shared:
        print(f"(rules only this tree has, left out of both runs: {', '.join(sorted(mine - shared))})")
    megabytes = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    trees = {"this tree": ROOT, **({"base": base} if base else {})}
    runs: dict[str, list[Measure]] = {name: [] for name in trees}
    for _ in range(repeat):
        for name, checkout in trees.items():
            args, env = command(checkout, folder, jobs, codes)
            runs[name].append(measured(args, folder.parent, env))
    print(f"\n{label}: {megabytes:.1f} MB, jobs {jobs}, median of {repeat}")
    for name, found in runs.items():
        m = median(found)
        print(f"  {name:<10} {m.wall:7.2f} s  {megabytes / m.wall:6.2f} MB/s  peak {m.peak_mb:5.0f} MB"
              f"  exit {m.code}")
    if base:
        ratio = median(runs["this tree"]).wall / median(runs["base"]).wall
        print(f"  this tree / base: {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, help="Another newslint checkout to compare with.")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pages", type=Path, help="A folder of scraped pages (.txt) to time too.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslint-bench-roles-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, options.articles)
        compare(f"{options.articles:,} generated articles", corpus, options.base,
                options.jobs, options.repeat)
    if options.pages:
        compare(f"pages in {options.pages}", options.pages.resolve(), options.base,
                options.jobs, options.repeat)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
