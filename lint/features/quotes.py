"""Direct quotations per document and the corpus quote index (index part "quotes").

Extraction is cheap (a character scan per paragraph, regexes for the attribution): curly,
straight and guillemet double quotes, top-level curly single quotes, nested single quotes kept
inside their quotation, a paragraph left open (continued quotation), and quotations split by an
attribution (``"A," he said. "B."``) joined into one. Each quotation keeps its speaker when the
sentence or paragraph attributes one; a pronoun takes the last speaker named in the article.

The reducer indexes quotations by word bigrams, keeps the rare ones as blocking keys, aligns
candidate pairs with rapidfuzz (``partial_ratio`` >= 85, then a word-level Levenshtein alignment
cropped to the overlap) and decides, per difference, which side the other outlets support.
"""

from __future__ import annotations

import struct
import sys
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from lint.document import Document
from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.roles import CHROME_ROLES, LineRoles, Role
from lint.text import STOPWORDS, WORD_RE, plain_quotes

MIN_WORDS = 4
"""Shorter quotations ("paramount", "remain the same") are not indexed."""
MIN_SHARED = 5
"""Words two quotations must share, in order, to count as the same statement."""
MIN_RATIO = 85.0
"""rapidfuzz ``partial_ratio`` gate before the word alignment."""
MAX_DIFFS = 3
MAX_DIFF_WORDS = 3
MAX_BIGRAM_QUOTES = 50
"""A bigram found in more quotations than this is too common to block on."""
SPELLING_VARIANT = 80.0
"""Two differing words this similar (programme/program, continue/continues) are not drift."""

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
ATTRIBUTION_VERBS = (
    "said|says|say|added|adds|told|tells|wrote|writes|stated|states|continued|explained|"
    "noted|notes|asked|insisted|argued|warned|declared|replied|recalled|stressed|tweeted|"
    "posted|announced|acknowledged|admitted|conceded|reads|read|according to|suggested|"
    "adding|saying|telling|writing|noting|explaining|"
    "claimed|urged|predicted|remarked|commented|emphasized|emphasised|observed"
)
_NAME = r"\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|van|von|bin|al))*"
_VERB_RE = regex.compile(rf"\b(?:{ATTRIBUTION_VERBS})\b", regex.IGNORECASE)
_NAME_VERB_RE = regex.compile(
    rf"(?P<name>{_NAME})(?:,[^,“”\"]{{1,60}},|,\s+who|,)?\s+(?:{ATTRIBUTION_VERBS})\b"
)
_VERB_NAME_RE = regex.compile(
    rf"\b(?:{ATTRIBUTION_VERBS})\s+(?:(?:the|a|an|[\p{{Ll}}-]+)\s+){{0,4}}?(?P<name>{_NAME})"
    r"(?=\s*(?:[,.;:!?…]|$)|\s+(?:of|at|in|on|during|after|following|to|from|who|when|while|before)\b)"
)
_SUBJECT_RE = regex.compile(
    rf"(?:^|[.!?]\s+)(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:\s+{_NAME}))\s+\p{{Ll}}"
)
"""A sentence opened by a name of two words or more: a person's first mention is a full name,
while a single capitalized word there is as often a demonym or a place ("American officials")."""
_PRONOUN_RE = regex.compile(rf"\b(?:he|she|they|we|I)\s+(?:(?:also|then|later|had|has)\s+)?(?:{ATTRIBUTION_VERBS})\b")
_NOT_NAMES = frozenset(
    str.split(
    "the a an but and it this that these those there he she they we i in on at as if when "
    "while after before then so yet also however meanwhile mayor minister president prime "
    "premier chancellor secretary senator sen. rep. representative governor general gen. "
    "colonel col. lieutenant lt. major sgt. sergeant captain capt. commander admiral chief "
    "judge justice dr. mr. mrs. ms. prof. professor sir dame lord lady king queen prince "
    "princess pope bishop ayatollah sheikh spokesman spokeswoman spokesperson"
    )
)
_SENTENCE_END_RE = regex.compile(r"[.!?](?=\s|$)")
CONTRACTIONS = {
    "we're": ("we", "are"), "they're": ("they", "are"), "you're": ("you", "are"),
    "it's": ("it", "is"), "that's": ("that", "is"), "there's": ("there", "is"),
    "he's": ("he", "is"), "she's": ("she", "is"), "i'm": ("i", "am"), "we've": ("we", "have"),
    "they've": ("they", "have"), "i've": ("i", "have"), "we'll": ("we", "will"),
    "they'll": ("they", "will"), "i'll": ("i", "will"), "it'll": ("it", "will"),
    "won't": ("will", "not"), "can't": ("cannot",), "cannot": ("cannot",),
    "don't": ("do", "not"), "doesn't": ("does", "not"), "didn't": ("did", "not"),
    "isn't": ("is", "not"), "aren't": ("are", "not"), "wasn't": ("was", "not"),
    "weren't": ("were", "not"), "haven't": ("have", "not"), "hasn't": ("has", "not"),
    "shouldn't": ("should", "not"), "wouldn't": ("would", "not"), "couldn't": ("could", "not"),
    "let's": ("let", "us"),
}


class Word(NamedTuple):
    """One word of a quotation: its comparison form and where it is."""

    norm: str
    start: int
    end: int
    line: int
    column: int


_PLACE = struct.Struct("<4i")
"""A word's place in a quotation's ``places``: document start and end offsets, line, column."""


class Quote(NamedTuple):
    """A direct quotation (possibly joined across an attribution) and its speaker.

    Compact, because the corpus state keeps every quotation of the corpus and is read back on
    each pre-commit run: the words' comparison forms (interned, so a pickle stores each once)
    and their places packed in bytes; :meth:`word` unpacks one.
    """

    norms: tuple[str, ...]
    speaker: str
    """The speaker's name as written, or "" when the text attributes none."""
    places: bytes

    @classmethod
    def of(cls, words: Sequence[Word], speaker: str) -> Quote:
        return cls(
            tuple(sys.intern(w.norm) for w in words),
            speaker,
            b"".join(_PLACE.pack(w.start, w.end, w.line, w.column) for w in words),
        )

    def word(self, number: int) -> Word:
        return Word(self.norms[number], *_PLACE.unpack_from(self.places, number * _PLACE.size))

    @property
    def line(self) -> int:
        return self.word(0).line


# ---------------------------------------------------------------------------------------------
# Extraction


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each top-level quotation in a paragraph.

    A quotation still open at the end of the paragraph ends there (news style continues a
    quotation in the next paragraph with a new opening mark).
    """
    spans: list[tuple[int, int]] = []
    state = ""
    opener = ""
    start = 0
    size = len(text)
    for i, char in enumerate(text):
        if state == "":
            if char in OPEN_DOUBLE or char == '"':
                state, opener, start = "double", char, i + 1
            elif char == "‘" and (i == 0 or not text[i - 1].isalnum()) and i + 1 < size and text[i + 1].isalnum():
                state, start = "single", i + 1
        elif state == "double":
            if char in CLOSE_DOUBLE or char == '"' or (char == "“" and opener == "„"):
                spans.append((start, i))
                state = ""
            elif char == "“":  # a new opening mark before the old one closed
                spans.append((start, i))
                opener, start = char, i + 1
        elif (
            state == "single"
            and char == "’"
            and (i + 1 == size or not text[i + 1].isalpha())
            and i > start
            and not text[i - 1].isspace()
        ):
            spans.append((start, i))
            state = ""
    if state:
        spans.append((start, size))
    return spans


def _speaker_in(text: str) -> str | None:
    """A named speaker in attribution text, "" for a pronoun, None for no attribution."""
    for pattern in (_NAME_VERB_RE, _VERB_NAME_RE):
        for match in pattern.finditer(text):
            name = _clean_name(match.group("name"))
            if name:
                return name
    if _PRONOUN_RE.search(text):
        return ""
    return None


def _subject_in(text: str) -> str:
    """The last name that opens a sentence as its subject ("Minister Omar Haddad spoke ...")."""
    names = [_clean_name(m.group("name")) for m in _SUBJECT_RE.finditer(text)]
    return next((n for n in reversed(names) if n), "")


def _clean_name(name: str) -> str:
    parts = name.replace("’", "'").split()
    cut = max((i + 1 for i, p in enumerate(parts) if p.lower() in _NOT_NAMES), default=0)
    parts = parts[cut:]
    if not parts:
        return ""
    last = parts[-1]
    if last.endswith("'s"):
        return ""  # "Sajjan's remarks": a possessive, not an attribution
    return " ".join(parts).rstrip(".,")


def speaker_key(name: str) -> str:
    """The comparison key of a speaker: the surname, lowercased."""
    return name.split()[-1].lower().rstrip(".") if name else ""


def same_speaker(a: str, b: str) -> bool:
    """Unknown speakers match anyone; known ones by surname, tolerating a corrupted spelling."""
    return _same_speaker_key(speaker_key(a), speaker_key(b))


def _same_speaker_key(ka: str, kb: str) -> bool:
    if not ka or not kb:
        return True
    return ka == kb or fuzz.ratio(ka, kb) >= 80


def _norm_words(text: str) -> Iterator[tuple[str, int, int]]:
    """(comparison form, start, end) of each word; a contraction yields its expansion."""
    for match in WORD_RE.finditer(text):
        token = plain_quotes(match.group()).lower()
        for part in CONTRACTIONS.get(token, (token,)):
            yield part, match.start(), match.end()


def _is_attribution_gap(gap: str) -> bool:
    count = len(WORD_RE.findall(gap))
    return 0 < count <= 10 and bool(_VERB_RE.search(gap))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text outside the quotation from the sentence start before it to the sentence end."""
    before = text[:start]
    ends = list(_SENTENCE_END_RE.finditer(before[:-1]))
    left = before[ends[-1].end():] if ends else before
    after = text[end:]
    stop = _SENTENCE_END_RE.search(after, 1)
    right = after[: stop.end()] if stop else after
    return left + " " + right


def extract_quotes(document: Document, roles: LineRoles) -> list[Quote]:
    """The quotations of a document, in order, with speakers resolved."""
    quotes: list[Quote] = []
    last_named = ""
    for number, line in enumerate(document.lines, start=1):
        role = roles[number]
        if role is Role.BLANK or role in CHROME_ROLES:
            continue
        spans = quote_spans(line)
        if not spans:
            named = _speaker_in(line) or _subject_in(line)
            if named:
                last_named = named
            continue
        groups: list[list[tuple[int, int]]] = [[spans[0]]]
        for span in spans[1:]:
            if _is_attribution_gap(line[groups[-1][-1][1] : span[0]]):
                groups[-1].append(span)
            else:
                groups.append([span])
        outside = _outside(line, spans)
        paragraph_speaker = _speaker_in(outside)
        base = document.line_start(number)
        for group in groups:
            attribution = " ".join(line[a[1] : b[0]] for a, b in pairwise(group))
            attribution += " " + _sentence_around(line, group[0][0], group[-1][1])
            speaker = _speaker_in(_strip_quotes(attribution))
            if speaker is None:
                speaker = paragraph_speaker
            if speaker == "":
                speaker = last_named
            elif speaker:
                last_named = speaker
            words: list[Word] = []
            for start, end in group:
                for norm, a, b in _norm_words(line[start:end]):
                    words.append(Word(norm, base + start + a, base + start + b, number, start + a + 1))
            if len(words) >= MIN_WORDS:
                quotes.append(Quote.of(words, speaker or ""))
        if paragraph_speaker:
            last_named = paragraph_speaker
    return quotes


def _outside(line: str, spans: Sequence[tuple[int, int]]) -> str:
    parts: list[str] = []
    previous = 0
    for start, end in spans:
        parts.append(line[previous : max(previous, start - 1)])
        previous = end + 1
    parts.append(line[previous:])
    return " … ".join(parts)


def _strip_quotes(text: str) -> str:
    spans = quote_spans(text)
    return _outside(text, spans) if spans else text


# ---------------------------------------------------------------------------------------------
# Comparison


@dataclass(frozen=True)
class Difference:
    """One word-level difference between two aligned quotations (0-based word ranges)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def align(a: Sequence[str], b: Sequence[str]) -> list[Difference] | None:
    """The interior differences of two quotations of the same statement, or None.

    None means not the same statement (too little in common). An empty list means the same
    words where they overlap: identical, or one a fragment of the other.
    """
    short, long_, swapped = (a, b, False) if len(a) <= len(b) else (b, a, True)
    s_text, l_text = " ".join(short), " ".join(long_)
    found = fuzz.partial_ratio_alignment(s_text, l_text, score_cutoff=MIN_RATIO)
    if found is None:
        return None
    first = l_text.count(" ", 0, found.dest_start)
    last = l_text.count(" ", 0, found.dest_end) + 1
    lo, hi = max(0, first - MAX_DIFF_WORDS), min(len(long_), last + MAX_DIFF_WORDS)
    ops = [op for op in Levenshtein.opcodes(list(short), list(long_[lo:hi]))]
    while ops and ops[0].tag != "equal":
        ops.pop(0)
    while ops and ops[-1].tag != "equal":
        ops.pop()
    shared = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    span = (ops[-1].src_end - ops[0].src_start) if ops else 0
    if shared < MIN_SHARED or shared < 0.75 * span:
        return None
    diffs: list[Difference] = []
    for op in ops:
        if op.tag == "equal":
            continue
        s = (op.src_start, op.src_end)
        t = (op.dest_start + lo, op.dest_end + lo)
        if max(s[1] - s[0], t[1] - t[0]) > MAX_DIFF_WORDS:
            return None
        if _spelling_variant(short[s[0] : s[1]], long_[t[0] : t[1]]):
            continue
        diffs.append(Difference(t[0], t[1], s[0], s[1]) if swapped else Difference(s[0], s[1], t[0], t[1]))
    return diffs if len(diffs) <= MAX_DIFFS else None


def _spelling_variant(x: Sequence[str], y: Sequence[str]) -> bool:
    if len(x) != len(y) or not x:
        return "".join(x) == "".join(y)  # "cannot" / "can not", "healthcare" / "health care"
    return all(fuzz.ratio(p, q) >= SPELLING_VARIANT and p[:3] == q[:3] for p, q in zip(x, y, strict=True))


def contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when ``phrase`` occurs as a contiguous run of ``words``."""
    n = len(phrase)
    return any(tuple(words[i : i + n]) == tuple(phrase) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class QuoteRef:
    """A quotation somewhere in the corpus."""

    path: str
    record: int | None
    quote: Quote


@dataclass(frozen=True)
class Drift:
    """A difference of one quotation from another quotation of the same statement."""

    start: int
    end: int
    """Document offsets of this quotation's differing words (the words around an omission)."""
    wording: str
    other_wording: str
    other_path: str
    other_record: int | None
    other_line: int
    other_column: int
    support: int
    """Documents whose quotation has this wording."""
    other_support: int
    """Documents whose quotation has the other wording."""
    speaker: str


def _blocking_keys(norms: Sequence[str]) -> set[tuple[str, str]]:
    return {
        (x, y) for x, y in pairwise(norms) if not (x in STOPWORDS and y in STOPWORDS)
    }


DocKey = tuple[str, int | None]


def find_drift(
    quotes: Sequence[QuoteRef],
    focus: Collection[DocKey] | None = None,
    too_common: Collection[tuple[str, str]] = (),
) -> list[tuple[int, Drift]]:
    """(quote number, drift) for every quotation whose wording the corpus does not support;
    with ``focus``, for the quotations of those documents only (compared with all the others,
    so the same drifts as without it, for a fraction of the pairs). ``too_common``: blocking
    keys known to be over the cap in a larger corpus than ``quotes``.

    Identical quotations of one speaker (a wire story printed by many outlets) are one form,
    compared once and counted once per document, so syndication neither slows the comparison
    nor hides it behind the bigram cap.
    """
    groups: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
    for number, ref in enumerate(quotes):
        groups[ref.quote.norms, speaker_key(ref.quote.speaker)].append(number)
    forms = list(groups.values())
    reps = [quotes[form[0]].quote for form in forms]
    speakers = [speaker for _, speaker in groups]
    docs = [frozenset((quotes[n].path, quotes[n].record) for n in form) for form in forms]
    focused = None if focus is None else {n for n, d in enumerate(docs) if not d.isdisjoint(focus)}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, quote in enumerate(reps):
        for key in _blocking_keys(quote.norms):
            postings[key].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for key, ids in postings.items():
        if len(ids) > MAX_BIGRAM_QUOTES or key in too_common:
            continue
        if focused is not None and focused.isdisjoint(ids):
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                if focused is None or ids[x] in focused or ids[y] in focused:
                    shared[ids[x], ids[y]] += 1
    matches: dict[int, dict[int, list[Difference]]] = defaultdict(dict)
    for (i, j), count in shared.items():
        if count < 2 or (docs[i] == docs[j] and len(docs[i]) == 1):
            continue  # too little in common, or two quotations inside one article
        if not _same_speaker_key(speakers[i], speakers[j]):
            continue
        diffs = align(reps[i].norms, reps[j].norms)
        if diffs is None:
            continue
        matches[i][j] = diffs
        matches[j][i] = [Difference(d.b_start, d.b_end, d.a_start, d.a_end) for d in diffs]
    found: list[tuple[int, Drift]] = []
    for i, others in matches.items():
        if focused is not None and i not in focused:
            continue
        seen: set[tuple[int, int]] = set()
        for j, diffs in others.items():
            for diff in diffs:
                if (diff.a_start, diff.a_end) in seen:
                    continue
                votes = _votes(reps, docs, i, diff, reps[j], others)
                if votes is None:
                    continue
                seen.add((diff.a_start, diff.a_end))
                for number in forms[i]:
                    if focus is None or (quotes[number].path, quotes[number].record) in focus:
                        found.append((number, _drift(quotes[number].quote, reps[j], quotes[forms[j][0]], diff, votes)))
    return found


def _votes(
    reps: Sequence[Quote],
    docs: Sequence[frozenset[DocKey]],
    i: int,
    diff: Difference,
    other: Quote,
    others: dict[int, list[Difference]],
) -> tuple[int, int] | None:
    """Documents for this wording and for the other one, when this one is not the majority's."""
    an, bn = reps[i].norms, other.norms
    left, right = an[diff.a_start - 1], an[diff.a_end]
    mine = (left, *an[diff.a_start : diff.a_end], right)
    theirs = (left, *bn[diff.b_start : diff.b_end], right)
    support: set[DocKey] = set(docs[i])
    other_support: set[DocKey] = set()
    for k in others:
        if contains(reps[k].norms, mine):
            support |= docs[k]
        elif contains(reps[k].norms, theirs):
            other_support |= docs[k]
    other_support -= support
    if len(other_support) < len(support):
        return None
    if len(other_support) == len(support) and diff.a_end - diff.a_start > diff.b_end - diff.b_start:
        return None  # a tie over words only one side has: reported once, on the side without them
    return len(support), len(other_support)


def _drift(a: Quote, b: Quote, b_ref: QuoteRef, diff: Difference, votes: tuple[int, int]) -> Drift:
    an, bn = a.norms, b.norms
    if diff.a_start == diff.a_end:  # an omission: the words around the gap
        start, end = a.word(diff.a_start - 1).start, a.word(diff.a_start).end
        at = b.word(diff.b_start)
    else:
        start, end = a.word(diff.a_start).start, a.word(diff.a_end - 1).end
        at = b.word(diff.b_start) if diff.b_start < diff.b_end else b.word(diff.b_start - 1)
    return Drift(
        start=start,
        end=end,
        wording=" ".join(an[diff.a_start : diff.a_end]),
        other_wording=" ".join(bn[diff.b_start : diff.b_end]),
        other_path=b_ref.path,
        other_record=b_ref.record,
        other_line=at.line,
        other_column=at.column,
        support=votes[0],
        other_support=votes[1],
        speaker=a.speaker or b.speaker,
    )


# ---------------------------------------------------------------------------------------------
# The feature


class QuoteReducer(Reducer):
    incremental = True

    def __init__(self) -> None:
        self.quotes: dict[DocKey, list[Quote]] = {}
        self._keys: dict[DocKey, list[tuple[set[tuple[str, str]], tuple[Any, ...]]]] = {}
        """Each quotation's blocking keys and form (words, speaker), per document: worked out
        when first asked for by :meth:`result_for`, never kept with the state."""
        self._order: list[DocKey] | None = None
        self._order_set: set[DocKey] = set()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_keys"], state["_order"], state["_order_set"] = {}, None, set()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"_keys": {}, "_order": None, "_order_set": set(), **state})

    def add(self, analysis: DocumentAnalysis, data: Any) -> None:
        if data:
            key = (analysis.path, analysis.record)
            if self._order is not None and key not in self._order_set:
                self._order = None
            self.quotes.setdefault(key, []).extend(data)
            self._keys.pop(key, None)

    def remove(self, analysis: DocumentAnalysis, data: Any) -> None:
        self.quotes.pop((analysis.path, analysis.record), None)  # _ordered() skips it
        self._keys.pop((analysis.path, analysis.record), None)

    def result(self) -> dict[str, Any]:
        refs = [
            QuoteRef(path, record, quote)
            for (path, record), quotes in sorted(self.quotes.items(), key=_document_order)
            for quote in quotes
        ]
        return self._drifts(refs, None)

    def result_for(self, analyses: Sequence[DocumentAnalysis]) -> dict[str, Any]:
        """The drifts of these documents' quotations (the only entries their rule reads),
        found among the quotations that share with theirs a blocking key under the cap: a
        quotation that shares none is never compared with them."""
        focus = {(a.path, a.record) for a in analyses}
        wanted: set[tuple[str, str]] = set()
        for doc in focus & self.quotes.keys():
            for keys, _ in self._keys_of(doc):
                wanted |= keys
        forms: dict[tuple[str, str], set[tuple[Any, ...]]] = defaultdict(set)
        hits: list[tuple[DocKey, Quote, set[tuple[str, str]]]] = []
        for doc in self._ordered():
            for quote, (keys, form) in zip(self.quotes[doc], self._keys_of(doc), strict=True):
                if keys.isdisjoint(wanted):
                    continue
                hits.append((doc, quote, keys))
                for key in keys & wanted:
                    found = forms[key]
                    if len(found) <= MAX_BIGRAM_QUOTES:  # over the cap is all that counts
                        found.add(form)
        too_common = {key for key, found in forms.items() if len(found) > MAX_BIGRAM_QUOTES}
        wanted -= too_common
        refs = [QuoteRef(path, record, quote) for (path, record), quote, keys in hits
                if not keys.isdisjoint(wanted)]
        return self._drifts(refs, focus, too_common)

    def _ordered(self) -> list[DocKey]:
        """The documents in path and record order (kept until one comes or goes)."""
        if self._order is None:
            self._order = [doc for doc, _ in sorted(self.quotes.items(), key=_document_order)]
            self._order_set = set(self._order)
        return [doc for doc in self._order if doc in self.quotes]

    def _keys_of(self, doc: DocKey) -> list[tuple[set[tuple[str, str]], tuple[Any, ...]]]:
        keys = self._keys.get(doc)
        if keys is None:
            keys = self._keys[doc] = [
                (_blocking_keys(q.norms), (q.norms, speaker_key(q.speaker))) for q in self.quotes[doc]
            ]
        return keys

    def _drifts(
        self, refs: list[QuoteRef], focus: Collection[DocKey] | None,
        too_common: Collection[tuple[str, str]] = (),
    ) -> dict[str, Any]:
        drifts: dict[DocKey, list[Drift]] = defaultdict(list)
        for number, drift in find_drift(refs, focus, too_common):
            ref = refs[number]
            drifts[ref.path, ref.record].append(drift)
        return {"quotes": sum(len(q) for q in self.quotes.values()), "drift": dict(drifts)}


def _document_order(item: tuple[DocKey, Any]) -> tuple[str, int]:
    """Documents in path and record order, so the result does not depend on the order they
    were added in."""
    (path, record), _ = item
    return path, -1 if record is None else record


class Quotes(Feature):
    """The document's direct quotations of at least four words, with speakers."""

    key = "quotes"

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        return extract_quotes(document, roles)

    def reducer(self) -> Reducer:
        return QuoteReducer()
