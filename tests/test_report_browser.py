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
    page.go_back()  # the browser's back button returns to the finding
    page.wait_for_function("() => location.hash === ''")
    assert page.errors == []


def test_filter_and_pagination(page: Any, seed_report: Path) -> None:
    open_report(page, seed_report)
    page.select_option("#verdict", label=MT_VERDICT)
    rows = page.locator("#articles tr.row")
    assert rows.count() == 1
    page.fill("#search", "no-such-article")
    assert page.locator("#articles tbody").inner_text().strip() == "No article matches."
    assert in_viewport(page, "#articles")
