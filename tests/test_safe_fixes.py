"""A fix marked safe never cuts a word or a number: every token of a line it changed comes from
the original line or from the fix's replacement.

Checked for every safe fix of every rule (off-by-default ones included) on Hypothesis-generated
corpora built to trigger the fixes, on the repository's demo corpus (``seeds/``), on the prose
written in the tests, and on the examples of every pack entry.
"""

from __future__ import annotations

import ast
import tempfile
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config, Vocabulary
from lint.diagnostic import Diagnostic, Edit, Fix
from lint.document import Document
from lint.engine import Linter
from lint.fixes import apply_edits
from lint.packs import builtin_pack_paths
from lint.registry import load_rule_set, select_rules
from tests.conftest import SEEDS
from tests.test_properties import lint_texts

WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
INVISIBLE = regex.compile(r"\p{Cf}")
"""Format characters (zero-width space, soft hyphen...) join what a reader sees as one word."""


def tokens(text: str) -> Counter[str]:
    """The words and numbers of a text, as a reader sees them."""
    return Counter(WORD.findall(INVISIBLE.sub("", text)))


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the line holding ``start`` to the end of the line holding ``end``."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last == -1 else last


def cut_tokens(text: str, fix: Fix) -> list[str]:
    """Tokens of the lines a fix changed that are neither in the original lines nor in the
    fix's replacement (empty: the fix cut nothing)."""
    fixed, applied = apply_edits(text, [fix])
    assert applied == 1, f"a well-formed safe fix was not applied: {fix}"
    edits = sorted(fix.edits, key=lambda e: e.start)
    first, last = _line_bounds(text, edits[0].start, edits[-1].end)
    shift = sum(len(e.replacement) - (e.end - e.start) for e in edits)
    allowed = tokens(text[first:last]) + tokens("".join(e.replacement for e in edits))
    found = tokens(fixed[first:last + shift])
    return sorted((found - allowed).elements())


def safe_fix_problems(documents: dict[str, Document], diagnostics: Sequence[Diagnostic]) -> list[str]:
    problems: list[str] = []
    for d in diagnostics:
        if d.fix is None or not d.fix.safe or d.path not in documents:
            continue
        text = documents[d.path].text
        cut = cut_tokens(text, d.fix)
        if cut:
            first, last = _line_bounds(text, min(e.start for e in d.fix.edits),
                                       max(e.end for e in d.fix.edits))
            problems.append(f"{d.code} at {d.line}:{d.column} made {cut} out of "
                            f"{text[first:last][:120]!r}")
    return problems


REJECTED = {"Harbor Post": "Harbour Post", "Kiev": "Kyiv", "Lavoi": "Lavoie", "Bel": "Bell"}
"""A vocabulary, so that NL403's safe fix (write the accepted spelling) is exercised too."""
_LINTER: Linter | None = None


def every_rule() -> Linter:
    """Every rule (NL508 needs a LanguageTool server), with the vocabulary above."""
    global _LINTER
    if _LINTER is None:
        config = Config(select=("NL",), ignore=("NL508",), chrome_min_documents=2,
                        vocabulary=Vocabulary(reject=REJECTED))
        rule_set = load_rule_set(config)
        _LINTER = Linter(config, select_rules(rule_set, config), rule_set.packs)
    return _LINTER


def check_corpus(texts: Sequence[str]) -> tuple[int, list[str]]:
    """Lint ``texts`` as one corpus; the number of safe fixes seen and the violations."""
    with tempfile.TemporaryDirectory() as tmp:
        documents, diagnostics = lint_texts(texts, Path(tmp), every_rule())
    seen = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
    return seen, safe_fix_problems(documents, diagnostics)


# -- the checker itself ------------------------------------------------------------------------

def test_checker_catches_a_fix_that_cuts_a_word_or_a_number() -> None:
    text = "Title\n\n date 2021-03-04 The council met.\n"
    start = text.index("date") - 1  # one character short at the end: the seed bug's shape
    short = Fix((Edit(start, text.index("04") + 1, ""),))
    assert cut_tokens(text, short) == ["4"]
    assert cut_tokens(text, Fix((Edit(text.index("council") + 3, text.index("met"), ""),))) == ["coumet"]


def test_checker_accepts_deletions_replacements_and_joined_invisible_characters() -> None:
    text = "The the council met in Bel\u200bmont on Monday .\nNext line.\n"
    assert cut_tokens(text, Fix((Edit(3, 7, ""),))) == []  # the doubled word
    at = text.index("\u200b")
    assert cut_tokens(text, Fix((Edit(at, at + 1, ""),))) == []  # Bel|mont was one word to a reader
    dot = text.index(" .")
    assert cut_tokens(text, Fix((Edit(dot, dot + 1, ""),))) == []
    assert cut_tokens(text, Fix((Edit(0, text.index("\n") + 1, ""),))) == []  # a whole line
    assert cut_tokens("colour me", Fix((Edit(0, 6, "color"),))) == []  # from the replacement


# -- Hypothesis: generated corpora that trigger the safe fixes --------------------------------

LEADS = ["", "", "", " ", "  ", "\t", "\u00a0"]
FIXABLE = [
    "date 2021-03-04", "published: 2021-03-04T10:00:00Z", "updated 2019-11-30", "url: https://example.org/a/b",
    "www.example.org/story", "author: [\"Ana Ruiz\"]", "{\"title\": \"x\"", "Advertisement",
    "READ MORE: Harbour plan approved", "Follow us on Bluesky", "Share this article",
    "the the", "in in", "2019 2019", "pilots .", "said ,", "don`t", "it\u2018s", "Mr\u00a0Lavoie",
    "Bel\u200bmont", "soft\u00adware", "U.S", "Mar. 9, 2022", "(Photo: Lena Park/Harbour Post)",
    "Watch: 2:31", "3 hours ago", "© 2024 Harbour Post", "Sign up for the Harbour Post newsletter",
    "Kiev", "Harbor Post", "Lavoi", "Bel", "Kievan", "Lavoie's",
]
BOILERPLATE_LINES = [
    "Advertisement", "Article continues below this advertisement", "READ MORE: Harbour plan approved",
    "RELATED: Ferry fares rise again", "Most Popular", "Trending Now", "Latest Headlines",
    "(Photo: Lena Park/Harbour Post)", "Watch: Council debates harbour plan 2:31 3 hours ago",
    "Share this article", "Follow us on Bluesky and Instagram", "© 2024 Harbour Post. All rights reserved.",
    "The council met on Monday. The council met on Monday.",
    "Ana Ruiz\n\nAna Ruiz is a reporter for the Harbour Post covering city hall.",
]
WORDS = ["The", "council", "met", "on", "Monday", "2021", "04", "Harbour's", "city-led",
         "ferry", "said", "Lavoie", "1,200", "Brandt", "a", "new", "park", "will", "remain"]
PUNCT = ["", "", ".", ",", ":", " -", "'"]

fragment = st.one_of(st.sampled_from(FIXABLE), st.sampled_from(WORDS))
line = st.builds(
    lambda lead, parts, seps, end: lead + "".join(p + s for p, s in zip(parts, seps, strict=False)) + end,
    st.sampled_from(LEADS),
    st.lists(fragment, min_size=1, max_size=14),
    st.lists(st.sampled_from([" ", " ", " ", "  ", "", ", "]), min_size=14, max_size=14),
    st.sampled_from(PUNCT),
)
boilerplate = st.builds(lambda lead, text: lead + text, st.sampled_from(LEADS),
                        st.sampled_from(BOILERPLATE_LINES))
article = st.lists(st.one_of(line, boilerplate, st.just("")), min_size=1, max_size=12).map(
    lambda lines: "Harbour council approves plan\n\n" + "\n".join(lines) + "\n"
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(article, min_size=1, max_size=3))
def test_safe_fixes_cut_no_word_on_generated_corpora(corpus: list[str]) -> None:
    _, problems = check_corpus(corpus)
    assert problems == []


# -- the repository's own texts ----------------------------------------------------------------

def _test_prose() -> Iterator[str]:
    """String constants of the test files that read like prose (three words or more)."""
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and len(WORD.findall(node.value)) >= 3 and "\x00" not in node.value):
                yield node.value


def _pack_examples() -> Iterator[str]:
    """Every example of every shipped pack entry, matching or not."""
    for path in builtin_pack_paths():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("entries", []):
            examples = entry.get("examples", {})
            yield from examples.get("match", [])
            yield from examples.get("no_match", [])


def _chunks(texts: list[str], size: int) -> list[str]:
    """Texts joined into articles of ``size`` paragraphs (a line per text, as they came)."""
    return ["Harbour council approves plan\n\n" + "\n\n".join(texts[i:i + size]) + "\n"
            for i in range(0, len(texts), size)]


CORPORA = {
    "seeds": lambda: [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))],
    "test-prose": lambda: sorted(set(_test_prose())),
    "pack-examples": lambda: _chunks(sorted(set(_pack_examples())), 25),
}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_safe_fixes_cut_no_word_on_the_repository_texts(name: str) -> None:
    texts = CORPORA[name]()
    assert texts, f"no texts in {name}"
    seen, problems = check_corpus(texts)
    assert seen > 0, f"no safe fix at all on {name}: the test would prove nothing"
    assert problems == []


def test_the_seed_metadata_line_is_fixed_without_cutting_the_date() -> None:
    """The shape of the bug the property test found: a leaked date field after a leading space."""
    text = "Harbour council approves plan\n\n date 2021-03-04 The council met on Monday.\n"
    with tempfile.TemporaryDirectory() as tmp:
        _, diagnostics = lint_texts([text], Path(tmp))
    [leak] = [d for d in diagnostics if d.code == "NL108"]
    assert leak.text == "date 2021-03-04" and leak.fix is not None and leak.fix.safe
    fixed, _ = apply_edits(text, [leak.fix])
    assert fixed.split("\n")[2] == "The council met on Monday."


def test_a_rejected_spelling_inside_a_word_split_by_an_invisible_character_is_left_alone() -> None:
    """Found by the property test: 'Bel<zero-width space>mont' reads 'Belmont'; writing 'Bell'
    for its first half made 'Bellmont'. A spelling standing alone is still fixed."""
    _, problems = check_corpus(["Harbour news\n\nThey drove to Bel\u200bmont on Monday.\n"])
    assert problems == []
    with tempfile.TemporaryDirectory() as tmp:
        _, diagnostics = lint_texts(["Harbour news\n\nThey flew to Bel\u200bmont from Kiev.\n"],
                                    Path(tmp), every_rule())
    assert [d.text for d in diagnostics if d.code == "NL403"] == ["Kiev"]
