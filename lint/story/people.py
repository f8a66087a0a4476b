"""People of a story: a name that the sibling articles write another way.

Every full name mention of the story's articles is collected with the words around it. A form
of one article is compared with the forms of the others that could name the same person (a
changed letter, a localized given name, a transliteration round trip, an inserted middle name,
the given name moved: :func:`same_person`). Name similarity alone is weak evidence, since two
people of a story can have similar names (a harbour master and a ferry passenger quoted in
the same port); so a warning also needs the two forms to be tied by the text: they stand in two
sentences that say the same thing (aligned), or the words around them agree (the same title,
role or organization). The siblings then vote, and copies of one wire story count once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import jellyfish
from ftfy.badness import is_bad
from rapidfuzz import fuzz

from lint.names.fold import fold, romanization_key, romanized, vowel_spellings, zipf
from lint.story.align import Alignment, Place
from lint.story.evidence import (
    StoryFinding,
    Verdict,
    Witness,
    describe,
    other_articles,
    translated_alike,
    vote,
    witness,
)
from lint.story.text import Sentence, Token, is_common_word, is_content

PARTICLES = frozenset({"de", "del", "da", "do", "dos", "van", "von", "der", "la", "le", "du",
                       "bin", "ibn", "al", "el", "y"})
ARTICLE_PREFIXES = ("al-", "el-", "ul-", "ad-", "as-", "ash-", "az-", "an-", "ar-")
CONTEXT_WINDOW = 4
"""Content words on each side of a mention that describe the person."""
MIN_CONTEXT = 2
"""Shared words within CONTEXT_WINDOW words of two mentions (a title, a role, an organization)
that tie them to one person without an aligned sentence."""
MIN_ALIGNED_DICE = 0.4


@dataclass
class Mention:
    """One full-name mention: where, its folded parts, and the words around it."""

    place: Place
    first: int
    last: int
    form: tuple[str, ...]
    context: frozenset[str]
    roles: frozenset[str]


@dataclass
class People:
    """The story's full-name mentions, by article and by form."""

    mentions: dict[int, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    users: dict[tuple[str, ...], set[int]] = field(default_factory=lambda: defaultdict(set))
    links: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = field(default_factory=dict)
    """Memo of :func:`linked`."""
    surface: dict[tuple[str, ...], str] = field(default_factory=dict)
    """A form as first written."""
    cognates: Mapping[str, str] = field(default_factory=dict)
    """Folded given name -> its family across languages (see :func:`same_person`)."""

    def words_by_node(self, alignment: Alignment) -> dict[int, frozenset[int]]:
        """By sentence node, the indexes of the words that are part of a person's name."""
        out: dict[int, set[int]] = defaultdict(set)
        for found in self.mentions.values():
            for mention in found:
                out[alignment.node_of[mention.place]].update(range(mention.first, mention.last + 1))
        return {node: frozenset(words) for node, words in out.items()}


def name_parts(tokens: Sequence[Token]) -> tuple[str, ...]:
    """A name's comparison parts: folded, particles and Arabic article prefixes left out."""
    out: list[str] = []
    for token in tokens:
        part = token.norm
        if part in PARTICLES:
            continue
        for prefix in ARTICLE_PREFIXES:
            if part.startswith(prefix) and len(part) > len(prefix) + 2:
                part = part[len(prefix) :]
                break
        out.append(part)
    return tuple(out)


def _alike(a: str, b: str, ratio: float) -> bool:
    """Two name parts one person may carry: close in spelling, sounding alike, or one name in
    two romanization schemes."""
    return a == b or fuzz.ratio(a, b) >= ratio or (
        len(a) > 2 and len(b) > 2
        and (jellyfish.metaphone(a) == jellyfish.metaphone(b) or romanization_key(a) == romanization_key(b))
    )


COMMON_NAME_ZIPF = 3.5
"""Given names this common on the web (wordfreq) are names people carry, not misspellings..."""
DISTINCT_NAME_RATIO = 75
"""...and two of them this far apart in spelling are two people ("Rachel" and "Michael" Brennan,
who share five letters), not one name misspelled."""


def _two_common_names(a: str, b: str) -> bool:
    """Two common given names alike only in their letters: not one name in two romanizations
    ("Muhammad", "Mohamed"), which sound alike."""
    return (fuzz.ratio(a, b) < DISTINCT_NAME_RATIO and zipf(a) >= COMMON_NAME_ZIPF
            and zipf(b) >= COMMON_NAME_ZIPF and jellyfish.metaphone(a) != jellyfish.metaphone(b)
            and romanization_key(a) != romanization_key(b))


def same_person(a: Sequence[str], b: Sequence[str], cognates: Mapping[str, str] | None = None) -> bool:
    """Whether two different name forms (folded parts) could name one person. ``cognates``
    maps a given name to its family across languages: with the same surname, "Istvan" and
    "Stephen" may be one person's name in two languages (and an East Asian family name, which
    English news writes first, to its romanizations: "Bak Seo-yeon" and "Park Seo-yeon")."""
    if len(a) < 2 or len(b) < 2 or tuple(a) == tuple(b):
        return False
    if sorted(a) == sorted(b):
        return True  # the given name moved
    if _alike(a[0], b[0], 60) and _joined(a[1:]) == _joined(b[1:]) and not _two_common_names(a[0], b[0]):
        return True  # a surname split in two or joined ("Wira Atmaja", "Wiraatmaja")
    short, long_ = sorted((list(a), list(b)), key=len)
    if len(long_) == len(short) + 1 and short[0] == long_[0] and short[-1] == long_[-1]:
        return True  # a middle name inserted or dropped
    a_last, b_last = a[-1], b[-1]
    a_given, b_given = "".join(a[:-1]), "".join(b[:-1])
    if a_last == b_last:
        family = (cognates or {}).get(a[0])
        if family is not None and family == (cognates or {}).get(b[0]):
            return True
        return _alike(a_given, b_given, 60) and not _two_common_names(a_given, b_given)
    if a_given == b_given:
        # a given and a middle name in common are rarer than a given name: a surname of
        # another ending ("Pereira", "Perestelo") is then enough
        return _alike(a_last, b_last, 50 if len(a) > 2 else 60)
    return _alike(a_last, b_last, 80) and _alike(a_given, b_given, 65)


MEANING_ZIPF = 3.5
"""A surname rendered by its meaning is an English word at least this common ("Smith",
wordfreq's Zipf scale)..."""
NO_WORD_ZIPF = 2.5
"""...where the other form's surname is rare in English text (a foreign surname)."""


def surname_by_meaning(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same given names, and a surname that one form writes as a common English word and
    the other as a word rare in English: a translation system rendered the surname by its
    meaning (Polish "Kowal" as "Smith"). Spelling says nothing here, so only an aligned
    sentence ties the two (see :func:`name_findings`). A given name rendered by its meaning
    ("Peace" for Turkish "Baris") is a given-name family of rules/names.toml instead: many
    given names are common words of English text too ("Ali", "Rose")."""
    if len(a) != len(b) or len(a) < 2 or tuple(a[:-1]) != tuple(b[:-1]) or a[-1] == b[-1]:
        return False
    words = sorted((a[-1], b[-1]), key=zipf)
    return zipf(words[0]) < NO_WORD_ZIPF and zipf(words[1]) >= MEANING_ZIPF


def _joined(parts: Sequence[str]) -> str:
    return "".join(parts).replace("-", "")


def _common(token: Token) -> bool:
    return is_common_word(token)


def name_spans(
    sentence: Sentence, tokens: Sequence[Token], skip: frozenset[str] = frozenset(),
    given_names: Mapping[str, str] | None = None, roles: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """(first, last) token indexes of the full names the name extractor found in a sentence
    (names with a word of ``skip``, such as institution words, left out; a leading common
    word or word of ``roles``, "Machinist Jane Roe", is left out, unless it is one of
    ``given_names``)."""
    out: list[tuple[int, int]] = []
    for start, end in sentence.names:
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        if any(tokens[i].norm in skip for i in inside):
            continue
        while (len(inside) > 2 and (_common(tokens[inside[0]]) or tokens[inside[0]].norm in roles)
               and tokens[inside[0]].norm not in (given_names or {})):
            inside.pop(0)  # "Engineer Jane Roe": the sentence's first word, not a given name
        if len(inside) >= 2 and not all(_common(tokens[i]) for i in inside):
            out.append((inside[0], inside[-1]))  # "Mining Minister" is a title, not a person
    return out


PLACE_HEADS = frozenset({
    "river", "mountain", "mountains", "province", "county", "district", "prefecture", "township",
    "avenue", "square", "bridge", "valley", "desert", "strait", "canal", "reservoir", "airport",
    "harbour", "harbor", "peninsula", "gulf", "glacier", "volcano", "highway", "motorway",
    "island", "islands", "ocean", "sea",
})
"""Words that make a capitalized run a place ("Xiang River", "Gangwon Province"), not a
person: words that are also common surnames (Hill, Lake, Park, Bay) are not among them."""


def collect(
    alignment: Alignment, skip: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset(),
    cognates: Mapping[str, str] | None = None,
) -> People:
    """Every full-name mention of the story (names whose words are in ``skip``, such as
    institution words, left out), with the words around it and the ``roles`` among them;
    ``cognates``: given-name families for :func:`same_person`."""
    people = People(cognates=cognates or {})
    for place, node in sorted(alignment.node_of.items()):
        tokens = alignment.nodes[node].tokens
        text = alignment.sentence(place).text
        if not text.isascii() and is_bad(text):
            continue  # mojibake is NL304's
        for first, last in name_spans(alignment.sentence(place), tokens, skip, people.cognates, roles):
            form = name_parts(tokens[first : last + 1])
            if len(form) < 2:
                continue
            before = [t for t in tokens[:first] if _context_word(t)][-CONTEXT_WINDOW:]
            after = [t for t in tokens[last + 1 :] if _context_word(t)][:CONTEXT_WINDOW]
            context = frozenset(_stem(t.norm) for t in before + after)
            role = frozenset(w for w in context if w in roles)
            people.mentions[place.doc].append(Mention(place, first, last, form, context - role, role))
            people.users[form].add(place.doc)
            people.surface.setdefault(form, alignment.sentence(place).text[tokens[first].start : tokens[last].end])
    return people


def _context_word(token: Token) -> bool:
    return is_content(token) and not token.surface[:1].isdigit()


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def name_findings(
    alignment: Alignment, groups: dict[int, int], doc: int, people: People
) -> Iterator[StoryFinding]:
    """Article ``doc``'s name forms that its siblings write another way."""
    forms: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in people.mentions.get(doc, []):
        forms[mention.form].append(mention)
    own_group = groups.get(doc, doc)
    witnesses = set(alignment.witnesses(doc))
    for form, mentions in forms.items():
        # "Sang Mok", "Sang-mok", "Sangmok": one name, hyphenated or spaced as a house style
        # writes it; those articles write this name, not another
        written = {other for other in people.users if _joined(other) == _joined(form)}
        candidates = [
            other for other, users in people.users.items()
            if other not in written and users & witnesses
            and (same_person(form, other, people.cognates) or surname_by_meaning(form, other))
        ] or [  # another given name only when no form is a spelling of this one
            other for other, users in people.users.items()
            if other not in written and users & witnesses
            and _given_name_swapped(alignment, people, form, other)
        ]
        if not candidates:
            continue
        best = max(candidates, key=lambda f: (len(people.users[f] & witnesses), f))
        tie = _tie(alignment, people, mentions, best)
        if tie is None:
            continue
        kind, evidence = tie
        spelled = same_person(form, best, people.cognates)
        if kind != "aligned" and not spelled:
            continue  # a surname by its meaning or another given name needs the sentence that says the same
        values = {d: "them" for d in people.users[best] & witnesses}
        values.update({d: "us" for same in written for d in people.users[same] & witnesses})
        verdict = vote("us", values, lambda x, y: x == y, groups, own_group)
        if not verdict.severity or verdict.value != "them":
            continue
        weak = kind == "weak" or not (spelled or surname_by_meaning(form, best))
        severity = "info" if weak else verdict.severity
        label = _label(alignment, doc, verdict, form, best, people.cognates)
        findings = [_finding(alignment, mention, evidence, verdict, kind, severity, label)
                    for mention in mentions]
        yield from findings
        if sorted(form) == sorted(best):
            continue  # the same name in the other order ("Min-jun Kim"): its surname is right
        if findings[0].kind == label and not any(f != form and f[-1] == form[-1] for f in forms):
            yield from _bare_surnames(alignment, people, doc, form, evidence, other_articles(verdict),
                                      severity, label)


def _label(
    alignment: Alignment, doc: int, verdict: Verdict, form: Sequence[str], other: Sequence[str],
    cognates: Mapping[str, str] | None,
) -> str:
    """The finding's kind: "name-romanization" for two romanizations of one name among parallel
    translations (also with the given name in another language's form of one family:
    "Alexander Gordiyenko", "Oleksandr Hordiienko"), "name-vowels" for two forms that differ
    only in vowels and doubled letters there (the rule keeps it at info for a script that writes
    no short vowels: "Muhammad", "Mohamed"), else "name"."""
    if _romanized_in_translation(alignment, doc, verdict, form, other, cognates):
        return "name-romanization"
    if vowel_spellings(form, other) and translated_alike(alignment, doc, verdict):
        return "name-vowels"
    return "name"


def _romanized_in_translation(
    alignment: Alignment, doc: int, verdict: Verdict, form: Sequence[str], other: Sequence[str],
    cognates: Mapping[str, str] | None = None,
) -> bool:
    """The two forms differ only where romanization schemes choose, or in the order of the
    names (an East Asian family name written first or last), and the article and the
    siblings that write the other form are independent, parallel texts: so many translations
    of one source, each free to romanize a name its own way (the rule then keeps it at info
    in an article about a country whose language is written in another script)."""
    return ((romanized(form, other) or sorted(form) == sorted(other) or _cognate_romanized(form, other, cognates))
            and translated_alike(alignment, doc, verdict))


def _cognate_romanized(form: Sequence[str], other: Sequence[str], cognates: Mapping[str, str] | None) -> bool:
    """The same name with the given name in one family's other form and the rest romanized
    otherwise ("Alexander Gordiyenko" and "Oleksandr Hordiienko")."""
    if not cognates or len(form) != len(other) or len(form) < 2:
        return False
    family = cognates.get(form[0])
    return family is not None and family == cognates.get(other[0]) and romanized(form[1:], other[1:])


def _given_name_swapped(
    alignment: Alignment, people: People, form: tuple[str, ...], other: tuple[str, ...]
) -> bool:
    """The same rare surname with another given name, and no article of the story names both:
    one person whose given name a translation replaced ("Taras" for "Oleh"), not two relatives,
    whom some article would name side by side, nor two firms ("X Energy", "Y Energy"). Only with the sentence that says the same, and
    only as info: two outlets may also credit a statement to two relatives."""
    if not (len(form) >= 2 and len(other) >= 2 and form[-1] == other[-1] and form[0] != other[0]):
        return False
    if people.users[form] & people.users[other]:
        return False
    if zipf(form[-1]) >= NO_WORD_ZIPF:
        return False  # a surname that is an English word ("Smith", "Energy" of a company's name)
    # both given names in one fuller name ("Ali Hosseini Khamenei"): one person's two names
    if any(f[-1] == form[-1] and form[0] in f and other[0] in f for f in people.users):
        return False
    return not (_named_before(alignment, people, form, other[0])
                or _named_before(alignment, people, other, form[0]))


def _named_before(alignment: Alignment, people: People, form: tuple[str, ...], given: str) -> bool:
    """Whether a mention of ``form`` has ``given`` right before it ("Ali" before "Hosseini
    Khamenei": a name the mention left out)."""
    for mentions in people.mentions.values():
        for m in mentions:
            if m.form == form and m.first > 0 and fold(alignment.tokens(m.place)[m.first - 1].surface) == given:
                return True
    return False


def _bare_surnames(
    alignment: Alignment, people: People, doc: int, form: tuple[str, ...], evidence: Witness,
    others: str, severity: str, label: str = "name",
) -> Iterator[StoryFinding]:
    """The article's mentions of the surname alone ("said Halmoshi") of a full name its siblings
    write with another surname: the same variant, the same suggestion."""
    theirs = evidence.text.split()[-1]
    if fold(theirs) == form[-1]:
        return  # the given name differs, not the surname
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for mention in people.mentions.get(doc, []):
        spans[mention.place.sentence].append((mention.first, mention.last))
    written = people.surface.get(form, " ".join(form))
    for s in range(len(alignment.docs[doc].sentences)):
        place = Place(doc, s)
        sentence = alignment.sentence(place)
        for i, token in enumerate(alignment.tokens(place)):
            if token.norm != form[-1] or not token.surface[:1].isupper():
                continue
            if any(first <= i <= last for first, last in spans[s]):
                continue  # part of a full name, reported with it
            end = token.end - (2 if token.surface.endswith(("'s", "’s")) else 0)
            message = (f"Name '{sentence.text[token.start:end]}' is written '{theirs}' by {others} "
                       f"of the story ({describe([evidence])}): "
                       f"the surname of '{written}', which they write '{evidence.text}'")
            yield StoryFinding(label, sentence.start + token.start, sentence.start + end, message,
                               severity, theirs, (evidence,))


def _tie(
    alignment: Alignment, people: People, mentions: Sequence[Mention], other: tuple[str, ...]
) -> tuple[str, Witness] | None:
    """How the text ties this form to the other one: ("aligned", ...) when a sentence of one
    has a counterpart naming the other, ("context", ...) when the words around them agree,
    ("weak", ...) when one word does; None when nothing does."""
    theirs = [m for d, found in people.mentions.items() for m in found if m.form == other]
    aligned = []
    for mention in mentions:
        counterparts = alignment.counterparts_of(mention.place)
        for there in theirs:
            matched = counterparts.get(there.place.doc)
            if matched and matched[0] == there.place and matched[1] >= MIN_ALIGNED_DICE:
                aligned.append(_witness(alignment, there))
    if aligned:  # the spelling most of the other form's mentions print ("Huamán", not "Huaman")
        printed = Counter(_witness(alignment, m).text for m in theirs)
        return "aligned", max(aligned, key=lambda w: printed[w.text])
    best: tuple[int, Mention] | None = None
    for mention in mentions:
        for there in theirs:
            if mention.roles and there.roles and not mention.roles & there.roles:
                continue  # a nurse and a union chairman: two people
            shared = len(mention.context & there.context) + 2 * len(mention.roles & there.roles)
            if best is None or shared > best[0]:
                best = (shared, there)
    if best is None or best[0] == 0:
        return None
    return ("context" if best[0] >= MIN_CONTEXT else "weak"), _witness(alignment, best[1])


def linked(alignment: Alignment, people: People, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two name forms of the story name one person: the same form, or similar forms
    that the text ties together (aligned sentences, or the same role beside them)."""
    if a == b:
        return True
    key = (a, b) if a < b else (b, a)
    if key not in people.links:
        mine = [m for found in people.mentions.values() for m in found if m.form == a]
        tie = _tie(alignment, people, mine, b) if mine and same_person(a, b, people.cognates) else None
        people.links[key] = tie is not None and tie[0] != "weak"
    return people.links[key]


def _witness(alignment: Alignment, mention: Mention) -> Witness:
    tokens = alignment.tokens(mention.place)
    return witness(alignment, mention.place, tokens[mention.first].start, tokens[mention.last].end)


def _finding(
    alignment: Alignment, mention: Mention, evidence: Witness, verdict: Verdict, kind: str,
    severity: str, label: str = "name",
) -> StoryFinding:
    tokens = alignment.tokens(mention.place)
    sentence = alignment.sentence(mention.place)
    a, b = tokens[mention.first].start, tokens[mention.last].end
    same = verdict.same
    how = {
        "aligned": "in the sentence that says the same",
        "context": "with the same words around the name",
        "weak": "perhaps another person: only one word around the names agrees",
    }[kind]
    message = (
        f"Name '{sentence.text[a:b]}' is written '{evidence.text}' by {other_articles(verdict)} "
        f"of the story ({describe([evidence])}, {how})"
    )
    if same:
        message += f"; {same} other article{'s' if same != 1 else ''} write{'s' if same == 1 else ''} it this way"
    theirs = tuple(fold(w) for w in evidence.text.split())
    if sorted(mention.form) == sorted(theirs):
        message += "; the same name in the other order, which no other article uses"
    elif len(theirs) >= 2 and theirs[-1] == mention.form[-1] and theirs[0] != mention.form[0] and severity == "info":
        message += "; another given name with the same surname, in the sentence that says the same"
    if _longer_form(mention.form, evidence.text):
        # a middle name the others leave out may be the person's fuller name: NL402's, info
        return StoryFinding("name-form", sentence.start + a, sentence.start + b, message, "info",
                            evidence.text, (evidence,))
    return StoryFinding(label, sentence.start + a, sentence.start + b, message, severity,
                        evidence.text, (evidence,))


def _longer_form(form: Sequence[str], other: str) -> bool:
    """This form is the other with a name inserted between its first and last parts."""
    theirs = [fold(w) for w in other.split()]
    return len(form) == len(theirs) + 1 and form[0] == theirs[0] and form[-1] == theirs[-1]
