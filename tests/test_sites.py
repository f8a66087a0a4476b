"""Site templates (NL110): the site of a page from its JSONL URL or domain field, its HTML
canonical URL, else its folder; a line on most pages of one site is that site's chrome."""

from __future__ import annotations

import json
from pathlib import Path

from lint.sites import host_of, site_key, site_of_html, site_of_record
from tests.conftest import lint_paths

NAV = "Weather | Traffic | Tides"


def _text(topic: str, extra: str) -> str:
    return (
        f"{topic.capitalize()} plan approved by council\n\n"
        f"The council approved the {topic} plan on Monday after a long debate about costs.\n\n"
        f"{extra}\n\n"
        f"Councillors said the {topic} work would start next year and finish within two years.\n"
    )


def _jsonl(path: Path, records: list[tuple[str, str, str]]) -> Path:
    lines = [json.dumps({"url": url, "text": _text(topic, extra)}) for url, topic, extra in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_host_of_urls_and_domains() -> None:
    assert host_of("https://www.harbour-gazette.example/local/story-1") == "harbour-gazette.example"
    assert host_of("valley-courier.example") == "valley-courier.example"
    assert host_of("not a url") is None
    assert host_of("") is None


def test_site_of_record_prefers_a_domain_field() -> None:
    record: dict[str, object] = {"domain": "www.tide.example", "url": "https://other.example/a"}
    assert site_of_record(record, "url") == "tide.example"
    assert site_of_record({"url": "https://other.example/a"}, "url") == "other.example"
    assert site_of_record({"text": "no site"}, "url") is None


def test_site_of_html_from_canonical_or_og_url() -> None:
    html = '<html><head><link rel="canonical" href="https://www.tide.example/news/1"></head></html>'
    assert site_of_html(html) == "tide.example"
    og = '<meta property="og:url" content="https://pier.example/a/b">'
    assert site_of_html(og) == "pier.example"
    assert site_of_html("<html><body>No link</body></html>") is None


def test_site_key_falls_back_to_the_folder(tmp_path: Path) -> None:
    assert site_key(str(tmp_path / "a.txt"), "tide.example") == "tide.example"
    assert site_key(str(tmp_path / "a.txt"), None) == site_key(str(tmp_path / "b.txt"), None)
    assert site_key(str(tmp_path / "x" / "a.txt"), None) != site_key(str(tmp_path / "a.txt"), None)


def test_jsonl_records_of_one_site_share_a_template_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "crawl.jsonl", [
        ("https://tide.example/1", "transit", NAV),
        ("https://tide.example/2", "housing", NAV),
        ("https://pier.example/1", "library", "The branch will stay open during the work."),
        ("https://pier.example/2", "sewer", "The pipes will be replaced street by street."),
    ])
    found = lint_paths([path], select=("NL110",)).diagnostics
    assert sorted(d.record or 0 for d in found) == [1, 2]
    assert "2 of 2 pages of its site" in found[0].message


def test_the_same_line_on_two_sites_is_not_a_template(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "crawl.jsonl", [
        ("https://tide.example/1", "transit", NAV),
        ("https://pier.example/1", "housing", NAV),
        ("https://tide.example/2", "library", "The branch will stay open during the work."),
        ("https://pier.example/2", "sewer", "The pipes will be replaced street by street."),
    ])
    assert lint_paths([path], select=("NL110",)).diagnostics == []
