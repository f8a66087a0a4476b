"""Benchmark the HTML reliability report on a generated corpus (default 10,000 articles).

Prints: lint time, report render time, file size (total and per article), and the time
headless Chromium takes to open the report (until the ranked table is interactive) and to
open the least reliable article with its highlights.

    .venv/bin/python bench/bench_report.py [--articles 10000] [--keep DIR]

The corpus is corpus/<outlet>/<n>.txt, 25 outlet folders: each article mixes 8-16 paragraphs
drawn from the seed articles (with their artifacts) in a random order. (Plain files, not one
JSONL file: the engine's second pass reloads a JSONL file once per record.) The lint runs on
a process pool (one worker per core) with a temporary cache, as the CLI does.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from lint.cache import Cache
from lint.config import Config
from lint.engine import run
from lint.executors import ProcessExecutor, default_jobs
from lint.registry import load_rule_set, select_rules
from lint.report.html import render_html
from lint.report.reliability import build_report, document_texts

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def make_corpus(folder: Path, articles: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    paragraphs = [
        p.strip() for path in sorted((ROOT / "seeds").glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()
    ]
    outlets = [f"outlet-{chr(97 + k)}" for k in range(25)]
    target = folder / "corpus"
    for name in outlets:
        (target / name).mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(8, 16)))
        (target / rng.choice(outlets) / f"{n:05}.txt").write_text(body + "\n", encoding="utf-8")
    return target


def open_in_chromium(report: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        page.goto(report.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        opened = time.perf_counter() - start
        start = time.perf_counter()
        page.locator("#articles tr.row").first.click()
        page.wait_for_selector("#a0 .ln")
        article = time.perf_counter() - start
        browser.close()
    return opened, article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="Keep the corpus and report in this folder.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newslint-report-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        corpus = make_corpus(folder, args.articles)
        config = Config(locale="en-CA")
        rule_set = load_rule_set(config)
        start = time.perf_counter()
        cache = Cache.temporary_dir()
        try:
            result = run([str(corpus)], config, select_rules(rule_set, config), rule_set.packs,
                         ProcessExecutor(default_jobs()), cache)
        finally:
            cache.close()
        linted = time.perf_counter() - start
        start = time.perf_counter()
        report = build_report(result, config.scoring, config.jsonl_source_field)
        texts = document_texts([a.score.key for a in report.articles], config.encoding,
                               config.max_file_size, config.jsonl_fields)
        html = render_html(report, texts)
        rendered = time.perf_counter() - start
        target = folder / "report.html"
        target.write_text(html, encoding="utf-8")
        size = target.stat().st_size
        raw = sum(len(t.encode("utf-8")) for t in texts.values())
        print(f"articles: {len(report.articles)}  findings: {len(result.diagnostics)}  "
              f"outlets: {len(report.outlets)}")
        print(f"corpus text: {raw / 1e6:.1f} MB   report: {size / 1e6:.1f} MB "
              f"({size / max(1, len(report.articles)) / 1e3:.2f} kB per article, "
              f"{size / max(1, raw):.2f}x the text)")
        print(f"lint: {linted:.1f} s   score+render: {rendered:.1f} s")
        if Path("/usr/bin/chromium").exists():
            opened, article = open_in_chromium(target)
            print(f"headless Chromium: report interactive in {opened:.2f} s, "
                  f"first article rendered in {article:.2f} s")
            # Upper bound: the same report with texts that compress like unrelated prose
            # (random words of the same lengths: no repetition between articles).
            rng = random.Random(3)
            letters = "etaoinshrdlcumwfgypbvkjxqz"
            noisy = {key: "".join(c if not c.isalpha() else rng.choice(letters) for c in text)
                     for key, text in texts.items()}
            worst = folder / "report-worst.html"
            worst.write_text(render_html(report, noisy), encoding="utf-8")
            opened, article = open_in_chromium(worst)
            print(f"upper bound (incompressible text): report {worst.stat().st_size / 1e6:.1f} MB "
                  f"({worst.stat().st_size / max(1, raw):.2f}x the text), interactive in "
                  f"{opened:.2f} s, first article in {article:.2f} s")
        else:
            print("headless Chromium: /usr/bin/chromium not installed, not measured")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
