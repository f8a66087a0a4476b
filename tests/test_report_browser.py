"""The HTML report in a real browser: Debian's /usr/bin/chromium driven by Playwright.

Install (as root): apt-get update && apt-get install -y chromium chromium-driver;
pip install playwright (never 'playwright install': the Debian browser is used).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lint.diagnostic import Diagnostic, Related, Severity
from lint.engine import RunResult
from lint.report.html import render_html
from lint.report.reliability import build_report
from lint.score import MT_VERDICT, Scoring
from tests.conftest import SEEDS, run_cli

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=(
    "needs Debian's chromium at /usr/bin/chromium "
    "(apt-get install -y chromium chromium-driver)"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.errors = []
    opened.requests = []
    opened.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    opened.on("request", lambda request: opened.requests.append(request.url))
    yield opened
    context.close()


def open_report(page: Any, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']")


def in_viewport(page: Any, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, """e => { const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }"""))


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "seeds.html"
    proc = run_cli(["report", str(SEEDS), "--html", str(target)], cwd=SEEDS.parent)
    assert proc.returncode == 0, proc.stderr
    return target


def test_seed_report_ranking_highlights_and_links(page: Any, seed_report: Path) -> None:
    open_report(page, seed_report)
    rows = page.locator("#articles tr.row")
    assert rows.count() == 5
    scores = [int(rows.nth(i).locator(".score").inner_text()) for i in range(5)]
    assert scores == sorted(scores)
    first = rows.nth(0)
    assert first.locator(".path").inner_text().split("/")[-1].startswith("002")
    assert MT_VERDICT in first.inner_text()

    first.click()
    article = page.locator("#a0")
    article.wait_for()
    marks = article.locator("mark.hl")
    assert marks.count() >= 2
    doubled = [m for m in marks.all() if "NL301" in (m.get_attribute("title") or "")]
    assert doubled and re.fullmatch(r"(\w+)\s+\1", doubled[0].inner_text())
    assert doubled[0].is_visible()

    for i in range(1, 5):  # open every article to find the related links
        page.locator(f"#articles tr.row[data-i='{i}']").click()
        page.locator(f"#a{i}").wait_for()
    links = page.locator("a.related").all()
    assert links, "the seed report has no related-evidence link"

    def source(link: Any) -> str:
        return str(link.evaluate("e => e.closest('.article').id"))

    cross = [link for link in links if source(link) != link.get_attribute("href")[1:].split("-")[0]]
    link = (cross or links)[0]
    href = link.get_attribute("href")
    page.evaluate("window.scrollTo(0, 0)")
    link.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    target = page.locator(href)
    target.wait_for()
    page.wait_for_function("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }""", arg=href)
    assert "flash" in (target.get_attribute("class") or "")
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_related_link_opens_another_page_and_scrolls(page: Any, tmp_path: Path) -> None:
    texts = {
        (f"news/{n:02}.txt", None): "\n".join(f"Paragraph {k} of article {n}." for k in range(1, 41))
        for n in range(6)
    }
    evidence = Related("news/05.txt", 37, 1, "the other outlet's wording")
    flagged = Diagnostic("news/00.txt", 2, 1, 2, 10, "NL501", "quote-drift", Severity.WARNING,
                         "Quote differs from another article", related=[evidence])
    roles = {key: ["body"] * 40 for key in texts}
    result = RunResult([flagged], 6, 6, 0, 0, roles=roles)
    report = build_report(result, Scoring())
    target = tmp_path / "r.html"
    target.write_text(render_html(report, texts, page_size=2, chunk_size=2), encoding="utf-8")
    open_report(page, target)

    assert page.locator("#page-label").inner_text() == "Page 1 of 3"
    page.locator("#articles tr.row").first.click()
    mark = page.locator("#a0 mark.hl")
    assert mark.inner_text() == "Paragraph"
    destination = report.articles.index(
        next(a for a in report.articles if a.score.path == "news/05.txt"))
    link = page.locator("#a0 a.related")
    assert link.get_attribute("href") == f"#a{destination}-L37"
    link.click()
    line = page.locator(f"#a{destination}-L37")
    line.wait_for()
    page.wait_for_function("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }""", arg=f"#a{destination}-L37")
    assert line.inner_text().endswith("Paragraph 37 of article 5.")
    assert page.locator("#page-label").inner_text() == f"Page {destination // 2 + 1} of 3"
    page.go_back()  # the browser's back button returns to the finding's article
    page.wait_for_function("() => location.hash === '#a0'")
    assert page.errors == []


def test_filter_and_pagination(page: Any, seed_report: Path) -> None:
    open_report(page, seed_report)
    page.select_option("#verdict", label=MT_VERDICT)
    rows = page.locator("#articles tr.row")
    assert rows.count() == 1
    page.fill("#search", "no-such-article")
    assert page.locator("#articles tbody").inner_text().strip() == "No article matches."
    assert in_viewport(page, "#articles")


# -- filters, sorting, export, links, width -------------------------------------------------

TRICKY = 'Name variant "Brandvolt", probably Brandvold; see the other, older article'


def _finding(path: str, line: int, code: str, name: str, message: str = "",
             severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(path, line, 1, line, 6, code, name, severity, message or f"{name} here")


@pytest.fixture(scope="module")
def desk_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """Six articles of three outlets with findings of four families (made up here)."""
    texts = {
        (f"{outlet}/{n:02}.txt", None): "\n".join(f"Line {k} of {outlet} story {n}." for k in range(1, 13))
        for outlet in ("herald", "courier", "gazette") for n in (1, 2)
    }
    found = [
        _finding("herald/01.txt", 2, "NL301", "doubled-word"),
        _finding("herald/01.txt", 5, "NL301", "doubled-word"),
        _finding("herald/01.txt", 7, "NL401", "name-variant", severity=Severity.ERROR),
        _finding("herald/02.txt", 1, "NL101", "ad-marker"),
        _finding("courier/01.txt", 3, "NL503", "mt-verb"),
        _finding("courier/01.txt", 4, "NL301", "doubled-word"),
        _finding("gazette/01.txt", 9, "NL101", "ad-marker"),
        _finding("gazette/01.txt", 10, "NL101", "ad-marker"),
        _finding("gazette/01.txt", 11, "NL101", "ad-marker"),
        _finding("gazette/02.txt", 6, "NL401", "name-variant", TRICKY),
    ]
    roles = {key: ["body"] * 12 for key in texts}
    report = build_report(RunResult(found, 6, 6, 0, 0, roles=roles), Scoring())
    target = tmp_path_factory.mktemp("desk") / "desk.html"
    target.write_text(render_html(report, texts), encoding="utf-8")
    return target, report


def shown(page: Any) -> list[str]:
    return [p.inner_text() for p in page.locator("#articles tr.row .path").all()]


def test_filters_by_family_rule_outlet_and_chart_bars(page: Any, desk_report: tuple[Path, Any]) -> None:
    target, report = desk_report
    open_report(page, target)
    assert len(shown(page)) == 6
    page.select_option("#family", label="transcription")
    assert sorted(shown(page)) == ["courier/01.txt", "herald/01.txt"]
    page.select_option("#family", label="All families")
    page.select_option("#rule", label="NL101 ad-marker (4)")
    assert sorted(shown(page)) == ["gazette/01.txt", "herald/02.txt"]
    page.locator("#active-filters button.filter", has_text="rule: NL101").click()
    assert len(shown(page)) == 6 and page.locator("#rule").input_value() == "-1"

    page.locator("#outlets tr.outlet[data-outlet='gazette']").click()  # an outlet's row
    assert sorted(shown(page)) == ["gazette/01.txt", "gazette/02.txt"]
    page.locator("#family-chart rect.bar[data-family='names']").click()  # a chart bar
    assert shown(page) == ["gazette/02.txt"]
    assert page.locator("#family option:checked").inner_text() == "names"
    page.locator("#active-filters button.filter", has_text="outlet: gazette").click()
    assert sorted(shown(page)) == ["gazette/02.txt", "herald/01.txt"]
    page.locator("#active-filters button.filter", has_text="family: names").click()

    worst = min(a.score.score for a in report.articles)
    band = min(9, worst // 10)
    expected = sorted(a.score.path for a in report.articles if min(9, a.score.score // 10) == band)
    page.locator(f"#score-chart rect.bar[data-band='{band}']").click()
    assert sorted(shown(page)) == expected and len(expected) < 6
    assert page.errors == []


def test_columns_sort_both_ways(page: Any, desk_report: tuple[Path, Any]) -> None:
    target, report = desk_report
    open_report(page, target)
    ranked = [a.score.path for a in report.articles]
    assert shown(page) == ranked
    header = page.locator("#articles th[data-key='findings'] button")
    header.click()
    counts = [int(c.inner_text()) for c in page.locator("#articles tr.row td:last-child").all()]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    assert page.locator("#articles th[data-key='findings']").get_attribute("aria-sort") == "descending"
    header.click()
    counts = [int(c.inner_text()) for c in page.locator("#articles tr.row td:last-child").all()]
    assert counts == sorted(counts) and counts[0] == 0
    page.locator("#articles th[data-key='article'] button").click()
    assert shown(page) == sorted(ranked)
    page.locator("#articles th[data-key='score'] button").click()
    scores = [int(s.inner_text()) for s in page.locator("#articles tr.row .score").all()]
    assert scores == sorted(scores)

    page.locator("#outlets th", has_text="Outlet").click()
    outlets = [r.get_attribute("data-outlet") for r in page.locator("#outlets tr.outlet").all()]
    assert outlets == ["courier", "gazette", "herald"]
    page.locator("#outlets th", has_text="Outlet").click()
    outlets = [r.get_attribute("data-outlet") for r in page.locator("#outlets tr.outlet").all()]
    assert outlets == ["herald", "gazette", "courier"]
    assert page.errors == []


def test_export_csv_holds_the_findings_shown(page: Any, desk_report: tuple[Path, Any],
                                             tmp_path: Path) -> None:
    import csv

    target, report = desk_report
    open_report(page, target)

    def export() -> list[dict[str, str]]:
        with page.expect_download() as download:
            page.locator("#export").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        with saved.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    every = export()
    assert len(every) == sum(len(a.diagnostics) for a in report.articles) == 10
    assert {row["code"] for row in every} == {"NL101", "NL301", "NL401", "NL503"}
    page.select_option("#rule", label="NL401 name-variant (2)")
    names = export()
    assert [(r["article"], r["line"], r["code"]) for r in names] == sorted(
        [(a.score.path, "7" if a.score.path.startswith("herald") else "6", "NL401")
         for a in report.articles if any(d.code == "NL401" for d in a.diagnostics)],
        key=lambda row: [a.score.path for a in report.articles].index(row[0]))
    tricky = next(r for r in names if r["article"] == "gazette/02.txt")
    assert tricky["message"] == TRICKY and tricky["outlet"] == "gazette"
    assert tricky["family"] == "names" and tricky["severity"] == "warning"
    assert page.errors == []


def test_an_opened_article_has_a_shareable_address(browser: Any, page: Any,
                                                   desk_report: tuple[Path, Any]) -> None:
    target, report = desk_report
    open_report(page, target)
    rank = next(i for i, a in enumerate(report.articles) if a.score.path == "courier/01.txt")
    page.locator(f"#articles tr.row[data-i='{rank}']").click()
    page.locator(f"#a{rank}").wait_for()
    assert page.evaluate("location.hash") == f"#a{rank}"
    assert page.locator(f"#a{rank} a.permalink").get_attribute("href") == f"#a{rank}"
    shared = page.url

    other = browser.new_context(viewport={"width": 1000, "height": 800}).new_page()
    other.goto(shared)
    other.wait_for_selector("body[data-ready='1']")
    box = other.locator(f"#a{rank}")
    box.wait_for()
    assert "Line 3 of courier story 1." in box.inner_text()
    other.wait_for_function("""s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight; }""", arg=f"#row{rank}")
    other.context.close()
    page.locator(f"#articles tr.row[data-i='{rank}']").click()  # closed: the address forgets it
    assert page.evaluate("location.hash") == ""


def test_readable_at_800_pixels_and_the_score_in_words(browser: Any, seed_report: Path,
                                                       tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 800, "height": 1000})
    narrow = context.new_page()
    open_report(narrow, seed_report)
    narrow.locator("#articles tr.row").first.click()
    narrow.locator("#a0 mark.hl").first.wait_for()
    shot = tmp_path / "report-800.png"
    narrow.screenshot(path=str(shot), full_page=True)
    width = int.from_bytes(shot.read_bytes()[16:20], "big")  # the PNG header's width
    assert width == 800
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 800
    overflowing = narrow.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.outlets'))
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert overflowing == []
    words = narrow.locator("#score-words").inner_text()
    assert "starts at 100" in words and "exp" not in words and "×" not in words
    context.close()
