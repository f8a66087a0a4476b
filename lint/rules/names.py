"""NL401 name-variant, NL402 name-form, NL403 rejected-spelling: the corpus name authority.

The corpus, not a dictionary, says how a name is spelled: a rare form that is a small edit of
a dominant form of the same name is reported with the dominant form and its evidence. spaCy
is asked only about the few mentions that are about to be reported (is this a person, or a
place or demonym such as Kenya/Kenyan?), never about every sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

import regex

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lint.names.extract import Mention, NameData
from lint.names.fold import fold, letters, scheme_spellings, vowel_spellings
from lint.names.introduced import unintroduced_surnames
from lint.packs import Pack
from lint.roles import Role
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.stories import names_romanized, names_unvowelled, overlaps, story_diagnostics

NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "FAC", "LANGUAGE", "PRODUCT", "EVENT"})
"""Entity labels that make a capitalized word a place, a demonym or a thing, not a person."""
MAX_RELATED = 3
ROMANIZED_IN_TRANSLATION = (
    "the two forms differ only where romanization schemes choose or in the order of the names, "
    "and the articles that agree are independent translations about a country whose language "
    "is written in another script: each may romanize the name its own way"
)
"""Why a name the siblings romanize otherwise is only info there (see :func:`lint.names.fold.romanized`)."""
VOWELS_IN_TRANSLATION = (
    "the two forms differ only in their vowels and doubled letters, and the articles that agree "
    "are independent translations about a country whose script writes no short vowels: each "
    "romanizes the name its own way"
)
"""Why a name the siblings vowel otherwise is only info there (see :func:`lint.names.fold.vowel_spellings`)."""
ROMANIZED_IN_ARTICLE = (
    "the two forms differ only where Korean, Japanese or Greek romanization schemes choose "
    "(a vowel, or gamma written 'gi' or 'y'), in an article about a country whose language is "
    "written in another script: each translation may romanize the name its own way"
)
"""Why a name the other articles romanize otherwise is only info there."""


def _romanized_forms(text: str, other: str | None, unvowelled: bool = False) -> bool:
    """Whether two written names differ only where Korean, Japanese or Greek romanization
    schemes choose (see :func:`lint.names.fold.scheme_spellings`), or, for a script that writes
    no short vowels (``unvowelled``), only in their vowels."""
    if not other:
        return False
    mine, theirs = text.split(), other.split()
    return mine != theirs and (scheme_spellings(mine, theirs) or (unvowelled and vowel_spellings(mine, theirs)))


def name_data(packs: Sequence[Pack], config: Config) -> NameData:
    """The packs' name data with the config's vocabulary added."""
    data = NameData.from_packs(packs)
    return NameData(
        **{
            **data.__dict__,
            "accept": data.accept | config.vocabulary.accept,
            "reject": {**(data.reject or {}), **config.vocabulary.reject},
        }
    )


def mentions(ctx: RuleContext) -> list[Mention]:
    raw = ctx.analysis.get("names", {}).get("mentions", [])
    return [Mention(*m) for m in raw]


def names_part(ctx: RuleContext) -> dict[str, Any] | None:
    part = ctx.index.part("names") if ctx.index else None
    return part if isinstance(part, dict) else None


def offset(ctx: RuleContext, line: int, column: int) -> int:
    return ctx.document.line_start(line) + column


def display(form: dict[str, Any]) -> str:
    surfaces: dict[str, int] = form["surface"]
    return max(surfaces, key=lambda s: (surfaces[s], s))


def evidence_text(name: str, count: int, documents: dict[str, int], path: str) -> str:
    here = documents.get(path, 0)
    files = len(documents)
    text = f"{name}: {count} mention{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    return text + (f", {here} in this file" if here else "")


def related(mentions: list[list[Any]], path: str, message: str) -> list[Related]:
    """Evidence mentions, other files first."""
    ordered = sorted(mentions, key=lambda m: (m[0] == path, m[0], m[1]))
    return [Related(m[0], m[1], m[2], message) for m in ordered[:MAX_RELATED]]


def is_derivation(a: str, b: str, suffixes: Sequence[str]) -> bool:
    """One form is the other plus a demonym or derivation ending (Kenya/Kenyan, Japan/Japanese)."""
    short, long = sorted((letters(a), letters(b)), key=len)
    for suffix in suffixes:
        if long == short + suffix:
            return True
        if short.endswith(("a", "e", "o")) and long == short[:-1] + suffix:
            return True
    return False


def sentence_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of the line around ``start``..``end`` (cheap: split at . ! ? + space)."""
    first = 0
    for match in regex.finditer(r"[.!?][\"”’')]*\s+", line[:start]):
        first = match.end()
    tail = regex.search(r"[.!?][\"”’')]*(?:\s|$)", line[end:])
    last = end + tail.end() if tail else len(line)
    return first, last


def entity_label(ctx: RuleContext, m: Mention) -> tuple[str, str]:
    """(entity label, part of speech) the parser gives the mention's surname; ("", "")
    without a parser."""
    if ctx.env is None:
        return "", ""
    line = ctx.document.line(m.line)
    first, last = sentence_bounds(line, m.start, m.end)
    parsed = ctx.env.parse([line[first:last]])[0]
    for token in parsed:
        if token.idx >= m.surname_start - first:
            return str(token.ent_type_), str(token.pos_)
    return "", ""


def _same_given(
    forms: dict[str, Any], canonical: dict[str, Any], m: Mention
) -> tuple[str, list[dict[str, Any]]] | None:
    """The mention's folded given name and the canonical's people who share it (all when it
    has none), or None when no person of the canonical form has that given name."""
    people = [forms[k] for k in canonical["forms"]]
    given = fold(" ".join(m.given))
    if not m.given and m.attached:
        # judged as the full name it abbreviates in this article
        given = fold(m.attached)[: -len(fold(m.surname))].strip()
    if given:
        people = [p for p in people if p["given"] == given]
        if not people:
            return None
    return given, people


def _backing(
    person: dict[str, Any] | None, canonical: dict[str, Any], surname_text: str
) -> tuple[str, int, dict[str, int], list[list[Any]]]:
    """Name, count, documents and mentions of the evidence: the person, else the surname."""
    if person is not None:
        return display(person), person["count"] + person["attached"], person["documents"], person["mentions"]
    return surname_text, canonical["count"], canonical["documents"], canonical["mentions"]


def _variant_span(ctx: RuleContext, m: Mention, surname_text: str) -> tuple[int, int, str]:
    """Start and end offsets of the reported text and its suggestion (the full name when the
    mention has a given name, else the surname)."""
    start = offset(ctx, m.line, m.surname_start)
    end = offset(ctx, m.line, m.end)
    if m.given:
        start = offset(ctx, m.line, m.start)
        suggestion = m.surface[: m.surname_start - m.start] + surname_text
    else:
        suggestion = surname_text
    return start, end, suggestion


AROUND_THE_ARTICLE = frozenset({Role.PAGE, Role.WIDGET, Role.LINK_LIST, Role.PROMO})
"""Lines of the page around the article (menus, teasers, share widgets): their names count as
the corpus's evidence, but a variant there is not the article's (a sports site's menu listing
"Girls Rowing" and "Girls Winter Rowing")."""


class NameVariant(Rule):
    meta = RuleMeta(
        code="NL401",
        name="name-variant",
        severity=Severity.WARNING,
        category="accuracy/named-entity",
        fixable=True,
        summary="A rare spelling of a name that the rest of the corpus writes another way.",
        what=(
            "A name form used at most twice that is a small edit (added, dropped, swapped or "
            "changed letters, or a changed given name) of a form the corpus uses at least "
            "three times as often in two or more files, or that the same article uses. The "
            "rare form must be unknown to the word-frequency lexicon (wordfreq), sound like "
            "the dominant one (metaphone), and not be a derivation of it (Kenya/Kenyan). A "
            "different given name means a different person and is not reported. An error "
            "when the same article or the same given name backs the dominant form. Inside a "
            "story (docs/stories.md), a full name or a place name that the other outlets "
            "write another way in the sentence that says the same is reported too, including "
            "one name in two romanization schemes (Oleg and Oleh, Kharkov and Kharkiv); that "
            "is info only when the articles that agree are independent translations of one "
            "text (parallel, none republished) about a country whose language is written in "
            "another script than Latin. "
            "Inside one article, a bare surname in a speaker's place ('X said') that no full "
            "name or title introduces, and that resembles the surname of the one person the "
            "article quotes by surname, is that person's name corrupted (a warning), unless "
            "other articles of the corpus use it."
        ),
        why=(
            "Machine translation and transcription corrupt names ('Lisandro Quevado' for "
            "Lisandro Quevedo); a corrupted name misattributes statements and breaks search."
        ),
        example=(
            "Lisandro Quevado issued a statement.   <- NL401, suggestion: 'Lisandro Quevedo' "
            "(Lisandro Quevedo: 6 mentions in 4 files)\n"
            "Silence a real name with vocabulary.accept = [\"Quevado\"]."
        ),
    )
    scope = "corpus"
    needs = ("names", "story", "context")
    parses = True  # entity_label

    data: NameData = NameData()

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.data = name_data(packs, config)
        self.accept = frozenset(fold(w) for w in self.data.accept)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        part = names_part(ctx)  # read once for both checks, with the article's own mentions
        article_mentions = [m for m in mentions(ctx) if ctx.roles[m.line] not in AROUND_THE_ARTICLE]
        found = list(self._authority(ctx, part, article_mentions))
        quieter = {"name-romanization": ROMANIZED_IN_TRANSLATION} if names_romanized(ctx) else {}
        if names_unvowelled(ctx):
            quieter["name-vowels"] = VOWELS_IN_TRANSLATION
        for story in story_diagnostics(self, ctx, ("name", "name-romanization", "name-vowels"), quieter or None):
            if not any(overlaps(story, d) for d in found) and fold(story.text) not in self.accept:
                found.append(story)
        for loose in self._unintroduced(ctx, part, article_mentions):
            if not any(overlaps(loose, d) for d in found):
                found.append(loose)
        yield from found

    def _unintroduced(
        self, ctx: RuleContext, part: dict[str, Any] | None, article_mentions: list[Mention]
    ) -> Iterable[Diagnostic]:
        """Bare surnames nobody in the article introduces, close to one person's who is
        (:mod:`lint.names.introduced`); not when other articles use the name too."""
        surnames: dict[str, Any] = part["surnames"] if part else {}
        path = ctx.document.path
        for m, person in unintroduced_surnames(ctx.document.lines, article_mentions):
            key = fold(m.surname)
            if key in self.accept or set(surnames.get(key, {}).get("documents", {})) - {path}:
                continue
            start, end = offset(ctx, m.line, m.surname_start), offset(ctx, m.line, m.end)
            intro = f"{person.title} {person.surface}".strip()
            yield self.diagnostic(
                ctx, start, end,
                f"Name {m.surname!r} is nobody this article introduces: probably {person.surname!r}, "
                f"the surname of {intro} (line {person.line}), which it resembles",
                suggestion=person.surname,
                related=[Related(path, person.line, person.start + 1, f"{person.surface} introduced here")],
                fix=Fix((Edit(start, end, person.surname),), safe=False, description=f"write {person.surname!r}"),
            )

    def _authority(
        self, ctx: RuleContext, part: dict[str, Any] | None, article_mentions: list[Mention]
    ) -> Iterable[Diagnostic]:
        """Variants against the corpus name authority (a rare form of a dominant one)."""
        if part is None:
            return
        variants: dict[str, Any] = part["variants"]
        given_variants: dict[str, Any] = part["given_variants"]
        romanizing = names_romanized(ctx)
        unvowelled = names_unvowelled(ctx)
        for m in article_mentions:
            if fold(m.surface) in self.accept or fold(m.surname) in self.accept:
                continue
            variant = variants.get(fold(m.surname))
            found = self._surname_variant(ctx, part, variant, m)
            if found is None and m.given:
                variant = given_variants.get(fold(m.surface))
                found = self._given_variant(ctx, part, variant, m)
            if found is None:
                continue
            if (romanizing and variant is not None and variant["evidence"] == ["corpus"]
                    and _romanized_forms(found.text, found.suggestion, unvowelled)):
                found = dataclasses.replace(found, severity=Severity.INFO,
                                            message=f"{found.message}; {ROMANIZED_IN_ARTICLE}")
            yield found

    def _surname_variant(
        self, ctx: RuleContext, part: dict[str, Any], variant: dict[str, Any] | None, m: Mention
    ) -> Diagnostic | None:
        if variant is None:
            return None
        surnames: dict[str, Any] = part["surnames"]
        forms: dict[str, Any] = part["forms"]
        canonical = surnames[variant["canonical"]]
        if not canonical["forms"]:
            return None  # never seen with a given name: maybe a place or a word, not a person
        found = _same_given(forms, canonical, m)
        if found is None:
            return None  # another given name: another person
        given, people = found
        same_person = bool(given) and bool(people)
        if not same_person and not self._person_shaped(ctx, m, variant["canonical"]):
            return None
        surname_text = display({"surface": canonical["surface"]})
        person = max(people, key=lambda p: (p["count"] + p["attached"], display(p)), default=None)
        shared = variant["evidence"] != ["corpus"]
        path = ctx.document.path
        name, count, docs, where = _backing(person, canonical, surname_text)
        start, end, suggestion = _variant_span(ctx, m, surname_text)
        severity = Severity.ERROR if shared or same_person else Severity.WARNING
        why = "the same article writes it that way" if shared else "the corpus writes it that way"
        return self.diagnostic(
            ctx, start, end,
            f"Name variant {ctx.document.text[start:end]!r}: probably {suggestion!r}, as {why} "
            f"({evidence_text(name, count, docs, path)})",
            severity=severity,
            suggestion=suggestion,
            related=related(where, path, f"{name} here"),
            fix=Fix((Edit(start, end, suggestion),), safe=False, description=f"write {suggestion!r}"),
        )

    def _person_shaped(self, ctx: RuleContext, m: Mention, canonical_key: str) -> bool:
        """A person by the parser; a derivation shape (Kenya/Kenyan) needs the label PERSON."""
        if not self._is_person(ctx, m):
            return False
        return not (
            is_derivation(fold(m.surname), canonical_key, self.data.derivation_suffixes)
            and entity_label(ctx, m)[0] != "PERSON"
        )

    def _given_variant(
        self, ctx: RuleContext, part: dict[str, Any], variant: dict[str, Any] | None, m: Mention
    ) -> Diagnostic | None:
        if variant is None or not variant["evidence"]:
            return None
        if variant["kind"] == "inserted" and variant["evidence"] == ["corpus"]:
            return None  # a longer form across files is NL402's business
        if variant["kind"] == "inserted" and ctx.document.path not in variant["evidence"]:
            return None
        person = part["forms"][variant["canonical"]]
        name = display(person)
        start, end = offset(ctx, m.line, m.start), offset(ctx, m.line, m.end)
        shared = variant["evidence"] != ["corpus"]
        path = ctx.document.path
        count = person["count"] + person["attached"]
        return self.diagnostic(
            ctx, start, end,
            f"Name variant {m.surface!r}: probably {name!r}, as the "
            f"{'same article' if shared else 'corpus'} writes it "
            f"({evidence_text(name, count, person['documents'], path)})",
            severity=Severity.ERROR if shared else Severity.WARNING,
            suggestion=name,
            related=related(person["mentions"], path, f"{name} here"),
            fix=Fix((Edit(start, end, name),), safe=False, description=f"write {name!r}"),
        )

    @staticmethod
    def _is_person(ctx: RuleContext, m: Mention) -> bool:
        """Not a place, demonym or thing by the parser's label. The small English model often
        calls an unfamiliar surname ORG, so ORG does not count against a person."""
        label, pos = entity_label(ctx, m)
        return label not in NOT_PERSON and pos not in ("ADJ", "VERB", "ADV")


class NameForm(Rule):
    meta = RuleMeta(
        code="NL402",
        name="name-form",
        severity=Severity.INFO,
        category="fluency/inconsistency",
        summary="The same name written with or without diacritics, or with an extra name.",
        what=(
            "A name the corpus also writes another legitimate way: with or without "
            "diacritics or another case (François/Francois), or with an extra middle name "
            "('Ana Lucía Ferraz' where other files write 'Ana Ferraz'). Reported on "
            "the less frequent form."
        ),
        why="A corpus that writes one person two ways is harder to search and to cite.",
        example="Élodie Marchetti-Lagarde   <- NL402 (also written 'Elodie Marchetti-Lagarde')",
    )
    scope = "corpus"
    needs = ("names", "story")

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.accept = frozenset(fold(w) for w in name_data(packs, config).accept)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        found = list(self._forms(ctx))
        yield from found
        for story in story_diagnostics(self, ctx, ("name-form",)):
            if not any(overlaps(story, d) for d in found):
                yield story

    def _forms(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        """Forms of a name that the corpus writes more often otherwise."""
        part = names_part(ctx)
        if part is None:
            return
        forms: dict[str, Any] = part["forms"]
        given_variants: dict[str, Any] = part["given_variants"]
        path = ctx.document.path
        for m in mentions(ctx):
            if not m.given or fold(m.surface) in self.accept:
                continue
            key = fold(m.surface)
            form = forms.get(key)
            if form is None:
                continue
            start, end = offset(ctx, m.line, m.start), offset(ctx, m.line, m.end)
            usual = display(form)
            if m.surface != usual and form["surface"][m.surface] < form["surface"][usual]:
                count = form["surface"][usual]
                yield self.diagnostic(
                    ctx, start, end,
                    f"Name form {m.surface!r}: also written {usual!r} "
                    f"({count} mention{'s' if count != 1 else ''})",
                    suggestion=usual,
                    related=related(form["mentions"], path, f"{usual} here"),
                )
                continue
            variant = given_variants.get(key)
            if variant is None or variant["kind"] != "inserted":
                continue
            if variant["evidence"] and variant["evidence"] != ["corpus"]:
                continue  # same article: NL401
            other = forms[variant["canonical"]]
            name = display(other)
            yield self.diagnostic(
                ctx, start, end,
                f"Name form {m.surface!r}: also written {name!r} "
                f"({evidence_text(name, other['count'] + other['attached'], other['documents'], path)})",
                suggestion=name,
                related=related(other["mentions"], path, f"{name} here"),
            )


class RejectedSpelling(Rule):
    meta = RuleMeta(
        code="NL403",
        name="rejected-spelling",
        severity=Severity.WARNING,
        category="accuracy/named-entity",
        fixable=True,
        summary="A spelling the vocabulary rejects, with the form to use.",
        what=(
            "A form listed in vocabulary.reject (config) or [names.vocabulary.reject] (rule "
            "pack) as wrong = \"right\". Keys with a capital letter match case-sensitively; "
            "lowercase keys match any case. Forms in vocabulary.accept are never reported."
        ),
        why="A newsroom's style decisions (one spelling of a name) hold across the corpus.",
        example='vocabulary.reject = { "Gadhafi" = "Gaddafi" }\nGadhafi spoke.   <- NL403, suggestion: \'Gaddafi\'',
    )
    needs = ()

    pattern: regex.Pattern[str] | None = None

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        data = name_data(packs, config)
        self.reject = {k: v for k, v in (data.reject or {}).items() if k not in data.accept}
        self.lower = {k.lower(): v for k, v in self.reject.items() if k == k.lower()}
        parts = [
            regex.escape(k).replace(r"\ ", r"\s+") if k != k.lower()
            else "(?i:" + regex.escape(k).replace(r"\ ", r"\s+") + ")"
            for k in sorted(self.reject, key=len, reverse=True)
        ]
        self.pattern = (
            regex.compile(r"(?<![\p{L}\p{M}\p{N}\p{Cf}])(?:" + "|".join(parts) + r")(?![\p{L}\p{M}\p{N}\p{Cf}])")
            if parts else None
        )

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(ctx.document.text):
            found = match.group()
            fixed = self.reject.get(found) or self.lower.get(found.lower())
            if fixed is None:
                key = " ".join(found.split())
                fixed = self.reject.get(key) or self.lower.get(key.lower())
            if fixed is None:
                continue
            if found[:1].isupper() and fixed[:1].islower():
                fixed = fixed[:1].upper() + fixed[1:]
            yield self.diagnostic(
                ctx, match.start(), match.end(),
                f"Rejected spelling {found!r}: write {fixed!r} (vocabulary)",
                suggestion=fixed,
                fix=Fix((Edit(match.start(), match.end(), fixed),), safe=True,
                        description=f"write {fixed!r}"),
            )


RULES: list[type[Rule]] = [NameVariant, NameForm, RejectedSpelling]
