"""Machine-translation slips in verbs and collocations.

NL503 mt-verb: a strictly transitive verb used with no object ("Norway sued in 2015").
NL504 mt-collocation: known wrong collocations from the pack, and a dropped "of" after an
event noun ("the arrest Varga").

Both select candidate sentences with a cheap regex first and parse only those with the shared,
memoized spaCy pipeline (``ctx.env.parse``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from lint.config import Config
from lint.context.languages import language_name
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.packs import Pack, PackEntry
from lint.roles import PROSE_ROLES, Role
from lint.rules.base import Rule, RuleContext, RuleMeta

CHECKED_ROLES = PROSE_ROLES | {Role.CAPTION}
VERB_ROLES = CHECKED_ROLES - {Role.HEADLINE, Role.DEK, Role.SUBHEAD}
"""Headlines drop auxiliaries ('Budget approved after vote' is a passive): NL503 skips them."""

_BOUNDARY_RE = regex.compile(r"(?<=[.!?][”\"’')\]]?)\s+(?=[“\"‘'(\[]?[\p{Lu}\p{N}])")
_INITIAL_RE = regex.compile(r"(?:^|[\s(])(?:\p{Lu}\.)+$|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")


def sentence_span(line: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of ``line`` that contains ``start``..``end``.

    A period after an initial or a common abbreviation ("U.S.", "Gen.") does not end a
    sentence. Good enough to give the parser one sentence instead of a paragraph.
    """
    first, last = 0, len(line)
    for match in _BOUNDARY_RE.finditer(line):
        if _INITIAL_RE.search(line[max(0, match.start() - 12) : match.start()]):
            continue
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    return first, last


_EXAMPLE_RE = re.compile(r"'([^']+)'")


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in re.findall(r"\w+", text)}


def as_found(message: str, found: str) -> str:
    """A pack message about the words found: a message that shows its family of calques by
    one example ("'aid of emergency' is Italian ...") names the words found first when they
    are another member ("'operations of emergency', like 'aid of emergency', is ..."); not
    when the example has every word found (another tense, a part of it)."""
    example = _EXAMPLE_RE.match(message)
    found = found.strip(" ,;:")
    if example is None or _stems(found) <= _stems(example.group(1)):
        return message
    return f"'{found}', like '{example.group(1)}',{message[example.end():]}"


def parser(ctx: RuleContext) -> Callable[..., list[Any]]:
    """The shared memoized parse, or a direct one when the context has no environment.

    Called as ``parse(texts)`` or ``parse(texts, entities=False)`` (no entity recognizer)."""
    if ctx.env is not None:
        return ctx.env.parse
    from lint.nlp import load_pipeline

    nlp = load_pipeline(ctx.config.spacy_model)

    def parse(texts: Sequence[str], entities: bool = True) -> list[Any]:
        return list(nlp.pipe(texts, disable=() if entities else ("ner",)))

    return parse


@dataclass(frozen=True)
class Candidate:
    """A regex hit inside one sentence, waiting for the parse to confirm it."""

    line: int
    sentence_start: int
    sentence: str
    start: int
    end: int


def _candidates(
    ctx: RuleContext,
    pattern: re.Pattern[str] | regex.Pattern[str],
    keep: Callable[[str, Any], bool],
    roles: frozenset[Role] = CHECKED_ROLES,
) -> tuple[list[Candidate], list[Any]]:
    """Regex hits that ``keep`` accepts, each with its sentence, on lines of ``roles``."""
    found: list[Candidate] = []
    matches: list[Any] = []
    doc = ctx.document
    for number, line in enumerate(doc.lines, start=1):
        if ctx.roles[number] not in roles:
            continue
        for match in pattern.finditer(line):
            if not keep(line, match):
                continue
            first, last = sentence_span(line, match.start(), match.end())
            found.append(
                Candidate(number, first, line[first:last], match.start() - first, match.end() - first)
            )
            matches.append(match)
    return found, matches


_BEFORE_WORD_RE = re.compile(r"([A-Za-z’']+)\W*$")
PASSIVE_AUXILIARIES = frozenset({
    "am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten",
    "getting", "become", "becomes", "became", "remain", "remains", "remained", "to", "will",
    "would", "could", "should", "might", "may", "must", "can", "shall", "not", "n’t", "n't",
})
"""A verb right after one of these (or after an adverb after one) is passive or non-finite."""


def _after_auxiliary(line: str, start: int) -> bool:
    before = line[max(0, start - 40) : start]
    for _ in range(2):
        found = _BEFORE_WORD_RE.search(before)
        if not found:
            return False
        word = found.group(1).lower()
        if word in PASSIVE_AUXILIARIES:
            return True
        if not word.endswith("ly"):
            return False
        before = before[: found.start()]
    return False


def _token_at(parsed: Any, offset: int) -> Any | None:
    for token in parsed:
        if token.idx == offset:
            return token
    return None


def third_person(lemma: str) -> str:
    """The third-person singular present of a regular English verb."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def past_tense(lemma: str) -> str:
    """The past tense of a regular English verb (doubling is given in the pack)."""
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def verb_forms(entries: Iterable[str]) -> dict[str, str]:
    """Finite forms (past, third person) of ``lemma`` or ``lemma:past`` entries, to lemma."""
    forms: dict[str, str] = {}
    for raw in entries:
        lemma, _, past = str(raw).strip().lower().partition(":")
        if not lemma:
            continue
        forms[past or past_tense(lemma)] = lemma
        forms[third_person(lemma)] = lemma
    return forms


def _pack_table(packs: Sequence[Pack], name: str) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for pack in packs:
        value = pack.data.get(name)
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, list) and isinstance(table.get(key), list):
                    table[key] = [*table[key], *item]
                elif isinstance(item, dict) and isinstance(table.get(key), dict):
                    merged = dict(table[key])
                    for k, v in item.items():
                        merged[k] = [*merged.get(k, []), *v] if isinstance(v, list) else v
                    table[key] = merged
                else:
                    table[key] = item
    return table


_WORD_ONLY_RE = regex.compile(r"[\p{L}'’-]+")
_WORDS_RE = regex.compile(r"[\p{L}'’-]+")
IRREGULAR = {
    # lemma: (past, past participle, third person, -ing)
    "hold": ("held", "held", "holds", "holding"), "make": ("made", "made", "makes", "making"),
    "take": ("took", "taken", "takes", "taking"), "draw": ("drew", "drawn", "draws", "drawing"),
    "give": ("gave", "given", "gives", "giving"), "have": ("had", "had", "has", "having"),
    "do": ("did", "done", "does", "doing"), "run": ("ran", "run", "runs", "running"),
    "bring": ("brought", "brought", "brings", "bringing"), "put": ("put", "put", "puts", "putting"),
    "pay": ("paid", "paid", "pays", "paying"), "come": ("came", "come", "comes", "coming"),
    "go": ("went", "gone", "goes", "going"), "get": ("got", "got", "gets", "getting"),
    "say": ("said", "said", "says", "saying"), "keep": ("kept", "kept", "keeps", "keeping"),
    "set": ("set", "set", "sets", "setting"), "meet": ("met", "met", "meets", "meeting"),
    "lead": ("led", "led", "leads", "leading"), "strike": ("struck", "struck", "strikes", "striking"),
    "sit": ("sat", "sat", "sits", "sitting"), "stand": ("stood", "stood", "stands", "standing"),
    "raise": ("raised", "raised", "raises", "raising"), "break": ("broke", "broken", "breaks", "breaking"),
    "breathe": ("breathed", "breathed", "breathes", "breathing"), "kill": ("killed", "killed", "kills", "killing"),
    "call": ("called", "called", "calls", "calling"), "consult": ("consulted", "consulted", "consults", "consulting"),
    "leave": ("left", "left", "leaves", "leaving"), "choose": ("chose", "chosen", "chooses", "choosing"),
    "become": ("became", "become", "becomes", "becoming"),
}
_IRREGULAR_PAST = frozenset(f for forms in IRREGULAR.values() for f in forms[:2]) | frozenset(
    {"sought", "thought", "found", "told", "left", "felt", "won", "lost", "sent", "spent", "built",
     "undertook", "undertaken", "took", "made", "drew", "gave", "did", "ran", "met", "put"})
_PARTICIPLES = frozenset(
    f[1] for f in IRREGULAR.values() if f[0] != f[1]) | frozenset({"undertaken", "mistaken", "overtaken"})
_ADVERBS = frozenset({"not", "yet", "already", "also", "just", "never", "recently", "since", "finally", "still"})
_PARTICIPLE_BEFORE = frozenset({"has", "have", "had", "having", "been", "be", "being", "was", "were", "is", "are", "got"})
_PLACEHOLDER_RE = regex.compile(r"<(\w+)>")


def _form(lemma: str, like: str, participle: bool) -> str:
    """``lemma`` in the tense of the matched verb ``like`` (held/holds/holding/hold)."""
    forms = IRREGULAR.get(lemma)
    like = like.lower()
    if like.endswith("ing"):
        return forms[3] if forms else (lemma[:-1] if lemma.endswith("e") else lemma) + "ing"
    if like.endswith("ed") or like in _IRREGULAR_PAST:
        if forms:
            return forms[1] if participle else forms[0]
        return past_tense(lemma)
    if like.endswith("s") and not like.endswith("ss"):
        return forms[2] if forms else third_person(lemma)
    return lemma


def inflected(replacement: str, match: Any, line: str) -> str:
    """A replacement whose ``<lemma>`` placeholders take the tense of the matched verb (the
    match's group ``v``, else its first word)."""
    if "<" not in replacement:
        return replacement
    try:
        verb = match.group("v") or ""
    except IndexError:
        verb = ""
    verb = verb or next(iter(match.group().split()), "")
    before = [w.lower() for w in line[: match.start()].split()[-4:]]
    while before and before[-1] in _ADVERBS:
        before.pop()
    participle = (bool(before) and before[-1] in _PARTICIPLE_BEFORE) or str(verb).lower() in _PARTICIPLES
    result: str = _PLACEHOLDER_RE.sub(lambda m: _form(m.group(1), str(verb), participle), replacement)
    return result


OBJECT_FREE_DEPS = frozenset(
    {"nsubj", "aux", "neg", "advmod", "npadvmod", "prep", "punct", "cc", "conj", "mark", "advcl"}
)
GAP_DEPS = frozenset({"relcl", "acl", "pcomp", "csubj", "amod", "compound"})


def _bare_clause(verb: Any, children: Sequence[Any]) -> bool:
    """A finite verb with its own subject and only object-free dependents, not in a relative
    clause or a question."""
    deps = {c.dep_ for c in children}
    auxiliaries = [c.lower_ for c in children if c.dep_ == "aux"]
    if verb.tag_ == "VBN" and any(a not in ("has", "have", "had") for a in auxiliaries):
        return False  # "will be sanctioned": the parser tags objectless past tenses VBN too
    if "nsubj" not in deps or not deps <= OBJECT_FREE_DEPS:
        return False
    if verb.dep_ in GAP_DEPS or any(a.dep_ in ("relcl", "acl") for a in verb.ancestors):
        return False
    return not verb.sent.text.rstrip().endswith("?")


class MtVerb(Rule):
    meta = RuleMeta(
        code="NL503",
        name="mt-verb",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        summary="A verb that needs an object is used without one.",
        what=(
            "A finite, active verb from the pack's list of strictly transitive verbs "
            "(rules/mt.toml [mt_verbs]) whose clause has a subject but no object: only time "
            "adjuncts follow ('Norway sued in 2015', 'Lisbon imposed last year'). The parse "
            "must agree: passives, relative clauses ('the firm Norway sued'), shared objects "
            "('condemned and sanctioned the regime') and the intransitive senses ('sued for "
            "damages', 'sued in federal court') are not reported, nor are headlines, whose "
            "style drops the auxiliary of a passive ('Budget approved after vote'). A clause that goes "
            "on past its adjunct ('sued in 2015 and won the case', 'banned in 2020, while ...', "
            "'imposed last year, according to ...') is still read."
        ),
        why=(
            "A translation system that picked the wrong verb for an idiom ('followed suit' -> "
            "'sued', 'listed' -> 'appointed') leaves a transitive verb hanging; the sentence "
            "no longer says what happened."
        ),
        example="Norway sued in 2015, with the fisheries minister ...   <- NL503 ('sue' needs an object)",
    )

    forms: dict[str, str]
    pattern: re.Pattern[str]
    time_preps: frozenset[str] = frozenset()
    free_preps: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        table = _pack_table(packs, "mt_verbs")
        self.forms = verb_forms(table.get("verbs", []))
        adjuncts = table.get("adjuncts", {})
        self.time_preps = frozenset(adjuncts.get("time_prepositions", []))
        self.free_preps = frozenset(adjuncts.get("free_prepositions", []))
        self.time_words = frozenset(adjuncts.get("time_words", []))
        follow = sorted(self.time_preps | self.free_preps | {
            "last", "this", "earlier", "later", "yesterday", "today", "again", "too", "also",
            "then", "once", "twice", "previously",
        })
        # A lowercase word followed by an adjunct or the end of the clause; the word must then
        # be a listed verb form (a dict lookup, much faster than a 400-way regex list).
        self.pattern = re.compile(
            r"(?<![\w'’-])([a-z]+)(?=,?\s+(?:" + "|".join(map(re.escape, follow))
            + r")\b|\s*[.;:!?]|\s*$)"
        )

    def _keep(self, line: str, match: Any) -> bool:
        return match.group(1) in self.forms and not _after_auxiliary(line, match.start())

    def _found(self, ctx: RuleContext) -> list[Candidate]:
        cached = ctx.extra.get(self.meta.code)
        if cached is None:
            cached = ctx.extra[self.meta.code] = _candidates(
                ctx, self.pattern, self._keep, VERB_ROLES
            )[0]
        return list(cached)

    def prefetch(self, ctx: RuleContext) -> Iterable[tuple[str, bool]]:
        return [(c.sentence, False) for c in self._found(ctx)]

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        candidates = self._found(ctx)
        if not candidates:
            return
        parse = parser(ctx)
        parsed = parse([c.sentence for c in candidates], entities=False)  # tags and arcs only
        doc = ctx.document
        for candidate, sentence in zip(candidates, parsed, strict=True):
            token = _token_at(sentence, candidate.start)
            if token is None or not self._objectless(token):
                continue
            lemma = self.forms.get(token.text.lower(), token.text)
            base = doc.line_start(candidate.line) + candidate.sentence_start
            yield self.diagnostic(
                ctx,
                base + candidate.start,
                base + candidate.end,
                f"'{token.text}' has no object here, but '{lemma}' needs one: a mistranslated "
                "verb? (the clause says who did it and when, not to what)",
            )

    def _is_time(self, token: Any) -> bool:
        """A time expression, from the word list (months, days, 'year'...) or a number; the
        parse runs without the entity recognizer, so DATE labels are not available."""
        return bool(
            token.like_num or token.lower_ in self.time_words or any(c.isdigit() for c in token.text)
        )

    def _objectless(self, verb: Any) -> bool:
        if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return False
        children = list(verb.children)
        if not _bare_clause(verb, children):
            return False
        return all(self._child_allows(child) for child in children)

    def _child_allows(self, child: Any) -> bool:
        """Whether a child of the verb leaves it without an object (not a comparison, a shared
        object, a non-time noun adverbial or a non-adjunct preposition)."""
        dep = child.dep_
        if dep == "mark":
            return child.lower_ not in ("as", "than")
        if dep == "conj":
            # "condemned and sanctioned the regime": a shared object; not once an adjunct
            # closed the first verb's clause ("sued in 2015 and won the case")
            verb = child.head
            return child.pos_ not in ("VERB", "AUX") or any(
                c.dep_.startswith("nsubj") for c in child.children
            ) or any(c.dep_ in ("prep", "npadvmod") and verb.i < c.i < child.i for c in verb.children)
        if dep == "advcl":
            # "banned in 2020, while Chile approved ...": another clause, with its own subject
            return child.i > child.head.i and any(c.dep_.startswith("nsubj") for c in child.children)
        if dep == "npadvmod":
            return self._is_time(child)
        if dep == "prep":
            return self._adjunct(child)
        return True

    def _adjunct(self, prep: Any) -> bool:
        word = prep.lower_
        if word in self.free_preps:
            return True
        if word not in self.time_preps:
            return False
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        return bool(objects) and all(self._is_time(o) for o in objects)


MIN_CALQUES = 2
"""Calques of one language (entries that stand on their own) that make it a likely source."""


def calque_languages(matched: Sequence[PackEntry]) -> dict[str, int]:
    """Source languages that the article's own calques point at: each language named by at
    least MIN_CALQUES distinct matched warning entries, with their count. An article that
    'realized an operation' and 'counts with support' was likely translated from a Romance
    language, so the patterns that are errors only in such a translation apply to it too."""
    counts: dict[str, int] = {}
    for entry in matched:
        if entry.severity != "info":
            for lang in entry.languages:
                counts[lang] = counts.get(lang, 0) + 1
    return {lang: count for lang, count in counts.items() if count >= MIN_CALQUES}


def _article_languages(ctx: RuleContext) -> dict[str, Any]:
    """The languages the article's context feature found it likely translated from."""
    languages: dict[str, Any] = (ctx.analysis.get("context") or {}).get("languages", {})
    return languages


def _source_languages(languages: Sequence[str], article: Container[str]) -> str:
    """The entry's source languages for the message: the article's own first ("(Spanish,
    Italian)" for an article about Spain); when the article has none of them, said as where
    the calque is seen, not as where the article comes from."""
    if not languages:
        return ""
    ordered = sorted(languages, key=lambda x: x not in article)  # stable: the pack's order otherwise
    names = ", ".join(language_name(x) for x in ordered[:3])
    return f" ({names})" if ordered[0] in article else f" (seen in translations from {names})"


def _shown(fixed: str, line: str, end: int) -> str:
    """A replacement as the message shows it: one that stops before the next word ("changed "
    for "changed the ") shows that word too ("changed direction")."""
    following = regex.match(r"\S+", line[end:]) if fixed[-1:].isspace() else None
    return fixed + following.group().rstrip(".,;:!?") if following else fixed


class MtCollocation(Rule):
    meta = RuleMeta(
        code="NL504",
        name="mt-collocation",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        fixable=True,
        summary=("A calque or false friend of the article's likely source language (packs by "
                 "language), or a dropped 'of'."),
        what=(
            "Verb-noun and verb-preposition pairs that translation systems get wrong, listed "
            "with their fixes in rules/mt.toml ('appointed X a terrorist organization' -> "
            "'designated', 'discussed about', 'declared war to'); and an event noun followed "
            "directly by a name with no 'of' ('after the arrest Varga'), when the parse "
            "shows the name is not the subject of a relative clause ('the beating Norway took')."
        ),
        why=(
            "The sentence reads as English but says something else, or drops a word: a "
            "reader or a model trained on it learns the wrong construction."
        ),
        example=(
            "The cabinet appointed the Red Dawn militia a terrorist organization   <- NL504, "
            "suggestion: 'designated the Red Dawn militia a terrorist organization'"
        ),
    )

    needs = ("context",)
    entries: tuple[PackEntry, ...] = ()
    event_pattern: regex.Pattern[str] | None = None
    not_names: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    by_word: dict[str, tuple[PackEntry, ...]]
    """Entries whose ``requires`` are whole words, by word: a document is tried only on the
    entries one of its words points at (hundreds of entries, a set lookup per word)."""
    unindexed: tuple[PackEntry, ...] = ()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.entries = tuple(
            e for p in packs for e in p.entries if e.rule in (self.meta.name, self.meta.code)
        )
        index: dict[str, list[PackEntry]] = {}
        unindexed: list[PackEntry] = []
        for entry in self.entries:
            words = [r for r in entry.requires if _WORD_ONLY_RE.fullmatch(r)]
            if not entry.requires or entry.case_sensitive or len(words) != len(entry.requires):
                unindexed.append(entry)
                continue
            for word in words:
                index.setdefault(word, []).append(entry)
        self.by_word = {w: tuple(es) for w, es in index.items()}
        self.unindexed = tuple(unindexed)
        table = _pack_table(packs, "mt_collocations")
        nouns = sorted({str(n).lower() for n in table.get("event_nouns", [])})
        self.not_names = frozenset(str(n) for n in table.get("not_names", []))
        self.event_nouns = frozenset(nouns)
        if nouns:
            self.event_pattern = regex.compile(
                r"(?<![\p{L}\p{N}])(?:[Tt]he|[Aa]n?)\s+(\p{Ll}+)([ \t\u00a0\u202f]+)"
                r"(\p{Lu}\p{Ll}[\p{L}'’-]*)"
            )

    def _is_event(self, line: str, match: Any) -> bool:
        return match.group(1) in self.event_nouns and match.group(3).rstrip("’'") not in self.not_names

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        yield from self._pack_entries(ctx)
        yield from self._missing_of(ctx)

    def _candidate_entries(self, ctx: RuleContext) -> tuple[list[PackEntry], dict[str, str]]:
        """The entries that may match this document: by its words, then by their pattern;
        an entry that needs a source language only where the article likely has one (by its
        context, or by its other calques); with, for each entry let in by the article's
        calques alone, that evidence in words."""
        text = ctx.document.text
        lower = text.lower()
        words = set(_WORDS_RE.findall(lower))
        chosen: dict[str, PackEntry] = {}
        for word in words & self.by_word.keys():
            for entry in self.by_word[word]:
                chosen.setdefault(entry.id, entry)
        for entry in self.unindexed:
            if entry.admits(text, lower):
                chosen.setdefault(entry.id, entry)
        languages = _article_languages(ctx)
        standalone = [e for e in chosen.values() if not e.needs_source and e.matches_in(text, lower)]
        calqued = calque_languages(standalone)
        found = standalone + [
            e for e in chosen.values()
            if e.needs_source and any(lang in languages or lang in calqued for lang in e.languages)
            and e.matches_in(text, lower)
        ]
        # entries that stand on their own first: where two overlap, the surer one reports
        ordered = sorted(found, key=lambda e: (e.needs_source, e.severity == "info", e.id))
        evidence: dict[str, str] = {}
        for e in ordered:
            if e.needs_source and not any(lang in languages for lang in e.languages):
                lang = max((x for x in e.languages if x in calqued), key=lambda x: (calqued[x], -e.languages.index(x)))
                evidence[e.id] = (f"; likely translated from {language_name(lang)}: "
                                  f"{calqued[lang]} other calques of it in this article")
        return ordered, evidence

    def _pack_entries(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        doc = ctx.document
        entries, evidence = self._candidate_entries(ctx)
        if not entries:
            return
        article_languages = _article_languages(ctx)
        for number, line in enumerate(doc.lines, start=1):
            if ctx.roles[number] not in CHECKED_ROLES:
                continue
            base = doc.line_start(number)
            taken: list[tuple[int, int]] = []
            for entry in entries:
                for match in entry.finditer(line):
                    start, end = match.span()
                    if any(start < b and a < end for a, b in taken):
                        continue
                    taken.append((start, end))
                    source = _source_languages(entry.languages, article_languages)
                    severity = Severity.parse(entry.severity) if entry.severity else None
                    message = (f"{as_found(entry.message, line[start:end]) if entry.message else self.meta.summary}"
                               f"{source}{evidence.get(entry.id, '')}")
                    if entry.replacement is None:  # the message says what to write; no fix
                        yield self.diagnostic(ctx, base + start, base + end, message, severity=severity)
                        continue
                    fixed = inflected(match.expand(entry.replacement), match, line)
                    if line[start:end][:1].isupper():
                        fixed = fixed[:1].upper() + fixed[1:]
                    yield self.diagnostic(
                        ctx, base + start, base + end, f"{message}: use {_shown(fixed, line, end)!r}",
                        severity=severity,
                        suggestion=fixed,
                        fix=Fix((Edit(base + start, base + end, fixed),), safe=entry.safe_fix,
                                description=f"replace with {fixed!r}"),
                    )

    def _events(self, ctx: RuleContext) -> tuple[list[Candidate], list[Any]]:
        cached = ctx.extra.get(self.meta.code)
        if cached is None:
            found: tuple[list[Candidate], list[Any]] = ([], [])
            if self.event_pattern is not None:
                found = _candidates(ctx, self.event_pattern, self._is_event)
            cached = ctx.extra[self.meta.code] = found
        return cached

    def prefetch(self, ctx: RuleContext) -> Iterable[tuple[str, bool]]:
        return [(c.sentence, True) for c in self._events(ctx)[0]]

    def _missing_of(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        candidates, matches = self._events(ctx)
        if not candidates:
            return
        kept = list(zip(candidates, matches, strict=True))
        parsed = parser(ctx)([c.sentence for c, _ in kept])
        doc = ctx.document
        for (candidate, match), sentence in zip(kept, parsed, strict=True):
            name_offset = candidate.start + (match.start(3) - match.start())
            name = _token_at(sentence, name_offset)
            if name is None or name.ent_type_ in ("DATE", "TIME") or name.pos_ != "PROPN":
                continue
            head = name
            while head.dep_ == "compound" and head.head is not head:
                head = head.head
            if head.dep_ in ("nsubj", "nsubjpass", "csubj") or head.dep_ == "ROOT":
                continue
            base = doc.line_start(candidate.line) + candidate.sentence_start
            noun_start = base + candidate.start + (match.start(1) - match.start())
            gap_start = base + candidate.start + (match.start(2) - match.start())
            gap_end = base + candidate.start + (match.end(2) - match.start())
            end = base + candidate.end
            noun, word = match.group(1), match.group(3)
            fixed = f"{noun} of {word}"
            yield self.diagnostic(
                ctx, noun_start, end,
                f"'{noun}' followed directly by a name: a dropped 'of'? ('{fixed}')",
                suggestion=fixed,
                fix=Fix((Edit(gap_start, gap_end, " of "),), safe=False, description="insert 'of'"),
            )


RULES: list[type[Rule]] = [MtVerb, MtCollocation]
