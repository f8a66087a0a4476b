"""Which site a document comes from: a URL or domain field of its record or page, else the
folder that holds it (a crawl saved one folder per site). Lines a site prints on many of its
pages are its template."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import regex

SITE_FIELDS = ("domain", "site", "hostname", "source_domain")
"""JSONL fields that name the site itself; the URL field is read besides them."""

_CANONICAL_RE = regex.compile(
    r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*\bhref=[\"']([^\"'>\s]+)"
    r"|<link\b[^>]*\bhref=[\"']([^\"'>\s]+)[\"'][^>]*\brel=[\"']?canonical"
    r"|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"'>\s]+)"
    r"|<meta\b[^>]*\bcontent=[\"']([^\"'>\s]+)[\"'][^>]*\bproperty=[\"']og:url",
    regex.IGNORECASE,
)


def host_of(url: str) -> str | None:
    """The host of a URL (or of a bare domain), lowercased, without ``www.``."""
    text = url.strip()
    if not text:
        return None
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def site_of_record(record: dict[str, object], url_field: str) -> str | None:
    """The site of a JSONL record: a domain field, else the host of its URL field."""
    for key in (*SITE_FIELDS, url_field):
        value = record.get(key)
        if isinstance(value, str):
            host = host_of(value)
            if host:
                return host
    return None


def site_of_html(html: str) -> str | None:
    """The site of an HTML page: the host of its canonical link or og:url."""
    found = _CANONICAL_RE.search(html[:200_000])
    if found is None:
        return None
    return host_of(next(g for g in found.groups() if g))


def site_key(path: str, site: str | None) -> str:
    """The site a document's lines are compared within: its own site, else its folder."""
    return site or "folder:" + os.path.dirname(os.path.abspath(path))
