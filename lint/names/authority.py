"""The corpus name authority: every name form with its mentions, and the variant candidates.

Built by a reducer over the per-document mentions; the result is plain data (dicts, lists,
strings, numbers) with a version, so it can be saved as JSON and loaded again.

Candidate pairs never come from comparing all names with all names. A surname is blocked by
(first letter, metaphone key) and by its one-letter deletions (two names one edit apart share
a deletion, the SymSpell idea); only names that share a block are scored with rapidfuzz.
"""

from __future__ import annotations

import gc
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA, JaroWinkler

from lint.names.extract import Mention
from lint.names.fold import deletes, fold, letters, phonetic, sounds_alike, zipf

NAMES_VERSION = 1
MAX_RARE = 2
"""A form used more often than this is established, not a slip."""
DOMINANCE = 3
"""The canonical form is used at least this many times as often as the rare one..."""
MIN_DOCUMENTS = 2
"""...in at least this many documents, unless the rare form's own article uses it."""
MAX_ZIPF = 2.0
"""A rare form at least this common on the web (wordfreq) is a real word or a known name."""
MAX_DISTANCE = 2
MIN_SIMILARITY = 0.90
MIN_LETTERS = 4
MAX_MENTIONS = 20
"""Mentions kept per form in the index (for ``related`` evidence)."""


def _form() -> dict[str, Any]:
    return {
        "surface": Counter(), "count": 0, "attached": 0, "documents": Counter(),
        "mentions": {}, "given": "", "titles": Counter(), "surname": "",
    }


def _surname() -> dict[str, Any]:
    return {"count": 0, "documents": Counter(), "surface": Counter(), "forms": Counter(),
            "loose": Counter(), "mentions": {}}


def _drop(counter: Counter[str], key: str, n: int = 1) -> None:
    """Take ``n`` from a count, forgetting the key at zero (as if it had never been added)."""
    left = counter[key] - n
    if left > 0:
        counter[key] = left
    else:
        del counter[key]


def _first_mentions(by_document: dict[str, tuple[int, ...]]) -> list[list[Any]]:
    """The first MAX_MENTIONS mentions in (path, line, column) order, whatever the order the
    documents were added in (each document's are line, column, line, column, ...)."""
    out: list[list[Any]] = []
    for path in sorted(by_document):
        places = by_document[path]
        for at in range(0, len(places), 2):
            out.append([path, places[at], places[at + 1]])
            if len(out) == MAX_MENTIONS:
                return out
    return out


class NameAuthority:
    """Accumulates mentions document by document; :meth:`build` returns the index part.

    The result depends only on which documents were added, not on their order, and a document
    can be taken out again (:meth:`remove`): the engine keeps this state between runs and
    updates it with the files that changed instead of adding every document again.
    """

    def __init__(self) -> None:
        self.forms: dict[str, dict[str, Any]] = defaultdict(_form)
        self.surnames: dict[str, dict[str, Any]] = defaultdict(_surname)
        self.documents = 0
        self.frequencies: dict[str, float] = {}
        """wordfreq values looked up by :meth:`build`, kept with the state: a later run then
        loads wordfreq (0.2 s) only for a candidate it has not seen."""

    def frequency(self, word: str) -> float:
        """:func:`zipf`, remembered in the state."""
        value = self.frequencies.get(word)
        if value is None:
            value = self.frequencies[word] = zipf(word)
        return value

    def add(self, path: str, mentions: list[Mention]) -> None:
        self.documents += 1
        places: dict[tuple[bool, str], list[int]] = defaultdict(list)
        """(is a form, key) -> line, column, line, column, ... of this document's mentions."""
        for m in mentions:
            skey = fold(m.surname)
            entry = self.surnames[skey]
            entry["count"] += 1
            entry["documents"][path] += 1
            entry["surface"][m.surname] += 1
            places[False, skey] += (m.line, m.surname_start + 1)
            if m.given or m.attached:
                key = fold(m.surface if m.given else m.attached)
                form = self.forms[key]
                if m.given:
                    form["surface"][m.surface] += 1
                    form["count"] += 1
                    form["given"] = fold(" ".join(m.given))
                    form["surname"] = skey
                    entry["forms"][key] += 1
                else:
                    form["attached"] += 1
                form["documents"][path] += 1
                if m.title:
                    form["titles"][m.title] += 1
                places[True, key] += (m.line, m.start + 1)
            else:
                entry["loose"][path] += 1
        for (is_form, key), found in places.items():
            table = self.forms if is_form else self.surnames
            table[key]["mentions"][path] = tuple(found[: 2 * MAX_MENTIONS])  # compact: one tuple

    def remove(self, path: str, mentions: list[Mention]) -> None:
        """Take out a document added earlier with the same ``path`` and ``mentions``."""
        self.documents -= 1
        for m in mentions:
            skey = fold(m.surname)
            entry = self.surnames[skey]
            entry["count"] -= 1
            _drop(entry["documents"], path)
            _drop(entry["surface"], m.surname)
            entry["mentions"].pop(path, None)
            if m.given or m.attached:
                key = fold(m.surface if m.given else m.attached)
                form = self.forms[key]
                if m.given:
                    _drop(form["surface"], m.surface)
                    form["count"] -= 1
                    _drop(entry["forms"], key)
                else:
                    form["attached"] -= 1
                _drop(form["documents"], path)
                if m.title:
                    _drop(form["titles"], m.title)
                form["mentions"].pop(path, None)
                if not form["count"] and not form["attached"]:
                    del self.forms[key]
            else:
                _drop(entry["loose"], path)
            if not entry["count"]:
                del self.surnames[skey]

    def build(self, focus: Collection[str] | None = None) -> dict[str, Any]:
        """The finished, JSON-ready index part with its variant candidates (the state is left
        as it was, so more documents can be added or removed afterwards).

        With ``focus`` (folded surname keys: one document's), only what the name rules read
        for mentions of those surnames: their entries, those of every surname that shares a
        block with them (the variant candidates), the forms of all these, and the variants
        of the focused surnames and of their forms. The same values as the full build for
        those keys (tests/test_live.py checks it), in milliseconds on a large corpus.
        """
        wanted = self.surnames if focus is None else self._neighbourhood(focus)
        loose_of: dict[str, Counter[str]] = {}
        for entry in wanted.values():
            people = [k for k in entry["forms"] if k in self.forms]
            if len(people) == 1 and entry["loose"]:
                loose_of.setdefault(people[0], Counter()).update(entry["loose"])
        form_keys: Iterable[str] = self.forms
        if focus is not None:
            form_keys = {k for entry in wanted.values() for k in entry["forms"] if k in self.forms}
        forms: dict[str, dict[str, Any]] = {}
        for key in sorted(form_keys):
            f = self.forms[key]
            if not f["count"]:
                continue
            loose = loose_of.get(key)
            documents = f["documents"] + loose if loose else f["documents"]
            forms[key] = {
                "surface": dict(f["surface"]), "count": f["count"],
                "attached": f["attached"] + (sum(loose.values()) if loose else 0),
                "documents": dict(documents), "mentions": _first_mentions(f["mentions"]),
                "given": f["given"], "titles": dict(f["titles"]), "surname": f["surname"],
            }
        surnames = {
            key: {
                "count": s["count"], "documents": dict(s["documents"]),
                "surface": dict(s["surface"]), "forms": sorted(k for k in s["forms"] if k in forms),
                "mentions": _first_mentions(s["mentions"]),
            }
            for key, s in sorted(wanted.items())
        }
        part: dict[str, Any] = {
            "version": NAMES_VERSION,
            "documents": self.documents,
            "forms": forms,
            "surnames": surnames,
        }
        collecting = gc.isenabled()
        gc.disable()  # the step allocates many small lists: full collections would rescan the index
        try:
            part["variants"] = surname_variants(surnames, self.frequency, focus)
            part["given_variants"] = given_variants(forms, surnames, self.frequency)
        finally:
            if collecting:
                gc.enable()
        return part


    def _neighbourhood(self, focus: Collection[str]) -> dict[str, dict[str, Any]]:
        """The entries of the ``focus`` surnames and of every surname sharing a block with one
        of them (:func:`blocks`): all that their variant candidates are drawn from."""
        sounds: set[tuple[str, str]] = set()
        removed: set[str] = set()
        for key in focus:
            sound, variants = block_keys(key)
            if sound:
                sounds.add(sound)
                removed |= variants
        return {
            key: entry for key, entry in self.surnames.items()
            if key in focus or _shares_block(key, sounds, removed)
        }


def _shares_block(key: str, sounds: set[tuple[str, str]], removed: set[str]) -> bool:
    sound, variants = block_keys(key)
    return bool(sound) and (sound in sounds or not removed.isdisjoint(variants))


# ---------------------------------------------------------------------------------------------
# Candidates


def close(a: str, b: str) -> tuple[int, float] | None:
    """(edit distance, Jaro-Winkler) when two folded keys are a small edit apart, else None."""
    la, lb = letters(a), letters(b)
    if not la or not lb or la[0] != lb[0] or la == lb:
        return None
    distance = OSA.distance(la, lb, score_cutoff=MAX_DISTANCE)
    if distance > MAX_DISTANCE or distance > max(1, min(len(la), len(lb)) // 3):
        return None
    similarity = JaroWinkler.similarity(la, lb)
    if similarity < MIN_SIMILARITY or not sounds_alike(la, lb):
        return None
    return distance, similarity


def dominates(
    canonical: dict[str, int], rare: dict[str, int], canonical_count: int, rare_count: int
) -> list[str]:
    """The evidence that the canonical form dominates: the documents where both are used
    (non-empty), or ``["corpus"]`` for a corpus-wide majority; empty when neither holds."""
    shared = [p for p in rare if canonical.get(p, 0) >= rare[p]]
    if shared:
        return sorted(shared)
    if canonical_count >= DOMINANCE * rare_count and len(canonical) >= MIN_DOCUMENTS:
        return ["corpus"]
    return []


@lru_cache(maxsize=65536)
def block_keys(key: str) -> tuple[tuple[str, str] | None, frozenset[str]]:
    """A surname key's blocks: (first letter, metaphone), and its one-letter deletions; no
    blocks for a key too short to be compared."""
    flat = letters(key)
    if len(flat) < MIN_LETTERS - 1:
        return None, frozenset()
    return (flat[0], phonetic(key)), frozenset(deletes(flat))


def blocks(keys: list[str]) -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    """Two blocking indexes: (first letter, metaphone) and one-letter deletions."""
    by_sound: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_delete: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        sound, variants = block_keys(key)
        if sound is None:
            continue
        by_sound[sound].append(key)
        for variant in variants:
            by_delete[variant].append(key)
    return by_sound, by_delete


def surname_variants(
    surnames: dict[str, dict[str, Any]],
    frequency: Callable[[str], float] = zipf,
    only: Collection[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Rare surnames that are a small edit of a dominant one: rare key -> evidence (with
    ``only``, for those rare keys alone)."""
    rare = [
        k for k, s in surnames.items()
        if s["count"] <= MAX_RARE and len(letters(k)) >= MIN_LETTERS and (only is None or k in only)
    ]
    if not rare:
        return {}
    by_sound, by_delete = blocks(list(surnames))
    out: dict[str, dict[str, Any]] = {}
    for r in rare:
        flat = letters(r)
        pool = set(by_sound.get((flat[0], phonetic(r)), ()))
        for variant in deletes(flat):
            pool.update(by_delete.get(variant, ()))
        pool.discard(r)
        best: tuple[tuple[int, int], str, dict[str, Any]] | None = None
        for c in pool:
            s_r, s_c = surnames[r], surnames[c]
            if s_c["count"] <= s_r["count"]:
                continue
            scored = close(r, c)
            if scored is None:
                continue
            evidence = dominates(s_c["documents"], s_r["documents"], s_c["count"], s_r["count"])
            if not evidence:
                continue
            rank = (int(evidence != ["corpus"]), s_c["count"])
            if best is None or rank > best[0] or (rank == best[0] and c < best[1]):  # ties: stable
                best = (rank, c, {"canonical": c, "distance": scored[0],
                                  "similarity": round(scored[1], 3), "evidence": evidence})
        if best is not None and frequency(letters(r)) < MAX_ZIPF:
            out[r] = best[2]
    return out


def person_count(form: dict[str, Any]) -> int:
    return int(form["count"]) + int(form["attached"])


def given_variants(
    forms: dict[str, dict[str, Any]],
    surnames: dict[str, dict[str, Any]],
    frequency: Callable[[str], float] = zipf,
) -> dict[str, dict[str, Any]]:
    """Full names whose given names differ from a dominant form of the same surname.

    Kinds: "changed" (one given name a small edit of the other's) and "inserted" (an extra
    given or middle name). Pairs are compared only within one surname, a small block.
    """
    out: dict[str, dict[str, Any]] = {}
    for s in surnames.values():
        people = s["forms"]
        if len(people) < 2:
            continue
        for r in people:
            fr = forms[r]
            g_r = fr["given"].split()
            best: tuple[int, str, dict[str, Any]] | None = None
            for c in people:
                if c == r:
                    continue
                fc = forms[c]
                g_c = fc["given"].split()
                kind = _given_change(g_r, g_c, frequency)
                if kind is None:
                    continue
                n_r, n_c = person_count(fr), person_count(fc)
                if kind == "changed":
                    if n_r > MAX_RARE or n_c <= n_r:
                        continue
                    evidence = dominates(fc["documents"], fr["documents"], n_c, n_r)
                    if not evidence:
                        continue
                else:  # inserted: the longer form, unless the longer one is the majority
                    if n_c < n_r:
                        continue
                    evidence = dominates(fc["documents"], fr["documents"], n_c, n_r)
                if best is None or n_c > best[0]:
                    best = (n_c, c, {"canonical": c, "kind": kind, "evidence": evidence})
            if best is not None:
                out[r] = best[2]
    return out


def _given_change(
    rare: list[str], canonical: list[str], frequency: Callable[[str], float]
) -> str | None:
    if len(rare) == len(canonical):
        diff = [(a, b) for a, b in zip(rare, canonical, strict=True) if a != b]
        if len(diff) == 1 and close(*diff[0]) is not None and frequency(letters(diff[0][0])) < MAX_ZIPF:
            return "changed"
        return None
    if len(rare) == len(canonical) + 1 and canonical and rare[0] == canonical[0]:
        for i in range(len(rare)):
            if rare[:i] + rare[i + 1 :] == canonical:
                return "inserted"
    return None


# ---------------------------------------------------------------------------------------------
# Saving and loading


class IndexVersionError(ValueError):
    """A saved names index from another version of newslint."""


def save(part: dict[str, Any], path: Path) -> None:
    """Write the names index part as JSON."""
    from lint.safe_write import write_text

    write_text(path, json.dumps(part, ensure_ascii=False, sort_keys=True))


def load(path: Path) -> dict[str, Any]:
    """Read a names index part saved by :func:`save`; refuse another version."""
    part = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(part, dict) or part.get("version") != NAMES_VERSION:
        raise IndexVersionError(f"{path}: not a names index of version {NAMES_VERSION}")
    return part
