"""Property tests (Hypothesis) over the document model and every rule.

For any Unicode text: no rule raises (no NL999), every diagnostic's span lies inside its
document, and every fix only touches the spans its edits name, with no overlapping edits.
``bench/fuzz.py`` runs the same checks for minutes; here ``max_examples`` stays small.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.corpus import IndexBuilder
from lint.diagnostic import Diagnostic, Fix
from lint.document import Document
from lint.engine import Linter
from lint.fixes import apply_edits
from lint.loader import load
from lint.registry import load_rule_set, select_rules

FRAGMENTS = [
    "The", "the", "the the", "council", "said", "Monday", ".", ",", " ", "  ", "\n", "\n\n", "\r\n",
    "\r", "\t", "Advertisement", "READ MORE: Mayor quits", "Osloâ€™s", "Ã©", "\u201c", "\u201d", "'",
    "\"", "Mr.", "Tsikhanouskaya", "Tikhanovskaya", "colour", "color", "\u00a0", "\u200b", "\x00", "\ufeff",
    "e\u0301", "\U0001f600", "ﬁ", "Ὀδυσσεύς", "مرحبا", "中文", "-", "—", "...", "(", ")", "http://x.y/z",
    "Share this article", "Photo: Reuters", "By Jane Doe", "in the framework of", "carried out",
    "1", "2024", "%", "$", "\\", "*", "#",
]

# Surrogates cannot be written as UTF-8; the loader rejects them as NL001 (see test_bad_input).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)
news_text = st.lists(st.sampled_from(FRAGMENTS), max_size=120).map("".join)
texts = st.one_of(any_text, news_text)

_LINTER: Linter | None = None


def linter() -> Linter:
    """One linter with every rule (including those off by default), built once."""
    global _LINTER
    if _LINTER is None:
        config = replace(Config(), select=("NL",), ignore=("NL508",), chrome_min_documents=2)  # NL508: needs a server
        rule_set = load_rule_set(config)
        _LINTER = Linter(config, select_rules(rule_set, config), rule_set.packs)
    return _LINTER


def lint_texts(
    texts: Sequence[str], folder: Path, lin: Linter | None = None
) -> tuple[dict[str, Document], list[Diagnostic]]:
    """Write ``texts`` as files and run both passes (with ``lin``, default: every rule);
    return documents by path and diagnostics."""
    lin = lin or linter()
    paths: list[str] = []
    for i, text in enumerate(texts):
        file = folder / f"doc{i}.txt"
        file.write_text(text, encoding="utf-8", newline="")
        paths.append(str(file))
    diagnostics: list[Diagnostic] = []
    builder = IndexBuilder(lin.features)
    analyses = []
    for name in paths:
        outcome = lin.first_pass(name)
        diagnostics.extend(outcome.diagnostics)
        for analysis in outcome.analyses:
            builder.add(analysis)
            analyses.append(analysis)
    index = builder.build()
    for analysis in analyses:
        diagnostics.extend(lin.second_pass(analysis, index).diagnostics)
    documents: dict[str, Document] = {}
    for name in paths:
        docs = load(name).documents
        if docs:
            documents[name] = docs[0]
    return documents, diagnostics


def problems(documents: dict[str, Document], diagnostics: Sequence[Diagnostic]) -> list[str]:
    """Every violated property, as readable strings (empty: all hold)."""
    found: list[str] = []
    for d in diagnostics:
        where = f"{d.code} {d.path}:{d.line}:{d.column}-{d.end_line}:{d.end_column}"
        if d.code == "NL999":
            found.append(f"internal error: {d.message}")
            continue
        doc = documents.get(d.path)
        if doc is None:
            if d.code >= "NL010":
                found.append(f"{where}: a rule finding for a file without a document")
            continue
        count = doc.line_count
        if not (1 <= d.line <= d.end_line <= count):
            found.append(f"{where}: lines outside 1..{count} or end before start")
            continue
        if not 1 <= d.column <= len(doc.line(d.line)) + 1:
            found.append(f"{where}: column outside line {d.line}")
        if not 1 <= d.end_column <= len(doc.line(d.end_line)) + 1:
            found.append(f"{where}: end column outside line {d.end_line}")
        if d.line == d.end_line and d.end_column < d.column:
            found.append(f"{where}: end before start")
        if d.fix is not None:
            found.extend(f"{where}: {p}" for p in fix_problems(doc.text, d.fix))
    return found


def fix_problems(text: str, fix: Fix) -> list[str]:
    """Edits inside the text, not overlapping, and applying them keeps everything outside them."""
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    out = [f"edit {e} outside 0..{len(text)}" for e in edits if not 0 <= e.start <= e.end <= len(text)]
    out += [f"edits overlap: {a} {b}" for a, b in itertools.pairwise(edits)
            if a.end > b.start or (a.start == a.end == b.start == b.end)]
    if out:
        return out
    fixed, applied = apply_edits(text, [fix])
    if applied != 1:
        return ["a well-formed fix was not applied"]
    pos = 0  # walk the kept stretches between edits: each must survive unchanged, in order
    shift = 0
    for edit in edits:
        kept = text[pos:edit.start]
        if fixed[pos + shift:edit.start + shift] != kept:
            return [f"text outside the edits changed before {edit}"]
        shift += len(edit.replacement) - (edit.end - edit.start)
        pos = edit.end
    if fixed[pos + shift:] != text[pos:]:
        return ["text after the last edit changed"]
    return []


FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(st.lists(texts, min_size=1, max_size=3))
def test_every_rule_on_any_text(corpus: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        documents, diagnostics = lint_texts(corpus, Path(tmp))
        assert problems(documents, diagnostics) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_document_positions_round_trip(text: str) -> None:
    doc = Document.from_text("x.txt", text)
    assert "\r" not in doc.text
    assert doc.line_count == len(doc.lines)
    for offset in range(len(doc.text) + 1):
        pos = doc.position(offset)
        assert 1 <= pos.line <= doc.line_count
        assert 1 <= pos.column <= len(doc.line(pos.line)) + 1
        assert doc.offset(pos.line, pos.column) == offset


def test_property_checker_can_fail() -> None:
    """The checker itself reports a span past the end and an overlapping or outside fix."""
    from lint.diagnostic import Edit, Severity

    doc = Document.from_text("p.txt", "one\ntwo\n")
    bad = Diagnostic("p.txt", 2, 9, 2, 9, "NL301", "x", Severity.WARNING, "m",
                     fix=Fix((Edit(0, 3, "a"), Edit(2, 4, "b"))))
    assert len(problems({"p.txt": doc}, [bad])) == 3
    assert fix_problems("abc", Fix((Edit(2, 9, ""),)))
