"""NL508 grammar through language-tool-python's real client, against a local HTTP server that
speaks LanguageTool's /v2 JSON (LanguageTool itself cannot be downloaded here)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

from lint.config import Config
from lint.registry import load_rule_set, select_rules
from lint.rules.grammar import Segments, utf16_span
from tests.conftest import CorpusFactory

pytest.importorskip("language_tool_python")

WRONG = "have"
"""The fake server flags every 'He have' (agreement), like LanguageTool's HE_VERB_AGR."""


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """What the fake server received."""

    requests: list[dict[str, list[str]]] = field(default_factory=list)

    def check(self, params: dict[str, list[str]]) -> dict[str, Any]:
        self.requests.append(params)
        text = params["text"][0]
        matches = []
        start = text.find("He " + WRONG)
        while start != -1:
            at = start + 3
            matches.append({
                "message": "The pronoun 'He' must be used with a third-person verb: 'has'.",
                "shortMessage": "Grammatical problem",
                "replacements": [{"value": "has"}],
                "offset": utf16_offset(text, at),
                "length": len(WRONG.encode("utf-16-le")) // 2,
                "context": {"text": text[max(0, at - 20): at + 20], "offset": min(at, 20), "length": 4},
                "sentence": text,
                "type": {"typeName": "Other"},
                "rule": {"id": "HE_VERB_AGR", "description": "Agreement", "issueType": "grammar",
                         "category": {"id": "GRAMMAR", "name": "Grammar"}},
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 1,
            })
            start = text.find("He " + WRONG, at)
        return {"software": {"name": "LanguageTool", "version": "6.6"}, "matches": matches}


def _handler(state: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self, body: Any) -> None:
            data = json.dumps(body).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.startswith("/v2/languages"):
                self._reply([
                    {"name": "English (US)", "code": "en", "longCode": "en-US"},
                    {"name": "English (Canada)", "code": "en", "longCode": "en-CA"},
                    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
                ])
            else:
                self.send_error(404)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            params = parse_qs(self.rfile.read(length).decode("utf-8"))
            if self.path.startswith("/v2/check"):
                self._reply(state.check(params))
            else:
                self.send_error(404)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    return Handler


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, FakeLanguageTool]]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    state = FakeLanguageTool()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


TEXT = (
    "Council votes 🗳️ to expand the bus network next spring\n\n"
    "Article continues below this advertisement\n\n"
    "The mayor 😀 said the plan was ready, and He have signed it on Monday 🚌 before the vote.\n\n"
    "Critics 🚌🚌 said He have not read the report, which runs to more than two hundred pages.\n"
)


def test_matches_land_on_the_right_line_and_column(lint_corpus: CorpusFactory, server: tuple[str, FakeLanguageTool]) -> None:
    url, state = server
    diagnostics = [d for d in lint_corpus({"a.txt": TEXT}, select="NL508", languagetool_url=url) if d.code == "NL508"]
    lines = TEXT.split("\n")
    expected = []
    for number, line in enumerate(lines, start=1):
        at = line.find("He have")
        if at != -1:
            expected.append((number, at + 4, at + 8))
    assert [(d.line, d.column, d.end_column) for d in diagnostics] == expected
    assert all(d.text == "have" and d.suggestion == "has" for d in diagnostics)
    assert "HE_VERB_AGR" in diagnostics[0].message
    sent = state.requests[0]["text"][0]
    assert "advertisement" not in sent  # chrome lines are not sent
    assert "TYPOS" in state.requests[0]["disabledCategories"][0]
    assert state.requests[0]["language"] == ["en-US"]


def test_server_url_turns_the_rule_on(server: tuple[str, FakeLanguageTool]) -> None:
    url, _ = server
    on = select_rules(load_rule_set(Config(languagetool_url=url)), Config(languagetool_url=url))
    assert "NL508" in [r.code for r in on]


def test_off_by_default_and_explains_when_selected_without_server(lint_corpus: CorpusFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LTP_PATH", "/nonexistent-languagetool")
    off = select_rules(load_rule_set(Config()), Config())
    assert "NL508" not in [r.code for r in off]
    diagnostics = lint_corpus({"a.txt": TEXT}, select="NL508")
    assert [d.code for d in diagnostics] == ["NL999"]
    assert "languagetool-url" in diagnostics[0].message


def test_utf16_span_counts_astral_characters_twice() -> None:
    text = "a 😀b c"
    assert utf16_span(text, 2, 3) == (2, 4)  # the emoji (2 units) and "b"
    assert utf16_span(text, 4, 1) == (4, 5)


def test_segments_map_back_and_skip_separators() -> None:
    segments = Segments.build([(10, "abc"), (40, "defg")])
    assert segments.text == "abc\n\ndefg"
    assert segments.to_document(5, 7) == (40, 42)
    assert segments.to_document(1, 3) == (11, 13)
    assert segments.to_document(3, 4) is None
