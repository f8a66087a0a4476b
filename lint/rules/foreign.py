"""NL512 foreign-word: a word or phrase of another language left in English prose.

The detection is lint/context/foreign.py (run once per document by the ``context`` feature);
this rule reports what it found that is not glossed, not in a quotation of that language, not
in parentheses and not an established loanword.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lint.config import Config
from lint.context.foreign import ForeignWord
from lint.context.languages import language_name
from lint.diagnostic import Diagnostic, Severity
from lint.packs import Pack
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.false_friends import FalseFriends, false_friends_for


class ForeignWordRule(Rule):
    meta = RuleMeta(
        code="NL512",
        name="foreign-word",
        severity=Severity.WARNING,
        category="accuracy/untranslated",
        summary="A word of another language left untranslated in English prose.",
        what=(
            "A lowercase word unknown to the English lexicon and rare in English (wordfreq) "
            "that is common in another language (wordfreq's lists for French, Spanish, "
            "Portuguese, Italian, German, Polish and others) or carries letters only other "
            "languages write ('bénévoles', 'złotych'), alone or as a phrase; and a run of "
            "another script (Cyrillic, Arabic, Hangul...) inside a line of English. Not "
            "reported: names (capitalized, so institutions' own names in their language too), "
            "established loanwords and regional terms (rules/foreign.toml: lakh, souk, "
            "starosta, carabinieri...), glossed terms ('the aguinaldo de Navidad, or Christmas "
            "bonus', 'X (meaning ...)', 'what locals call X'), a title before a name, words in "
            "parentheses, quotations in that language, and false friends that an NL504 "
            "collocation entry names ('precises': NL504 says what to write). In an article "
            "likely translated from one language (its country, its typography), a less common "
            "word of that language ('guardaparques', wordfreq's large list) is info."
        ),
        why=(
            "A translation system leaves a word it could not translate as it was; an English "
            "reader, search and any model trained on the text meet a word that means nothing."
        ),
        example="the museum reopened its salle des fêtes on Sunday.   <- NL512 (French)",
    )
    needs = ("context",)
    false_friends: FalseFriends

    def setup(self, packs: Sequence[Pack], config: Config) -> None:
        self.false_friends = false_friends_for(packs)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        data = ctx.analysis.get("context") or {}
        doc = ctx.document
        for raw in data.get("foreign", []):
            word = ForeignWord.from_tuple(raw)
            if not word.reportable or self.false_friends.covers(doc.line(word.line), word.start, word.end):
                continue  # a false friend is NL504's to name ("precises": not Catalan left over)
            base = doc.line_start(word.line)
            language = language_name(word.language) if word.language else "another language"
            what = {"word": "word", "phrase": "phrase", "script": "text", "weak": "word"}[word.kind]
            severity = Severity.WARNING
            tail = ""
            if word.kind == "script" and len(word.text) < 2:
                severity = Severity.INFO
            elif word.kind == "weak":
                severity = Severity.INFO
                tail = f" (a less common {language} word, in an article likely translated from {language})"
            yield self.diagnostic(
                ctx, base + word.start, base + word.end,
                f"{language} {what} {word.text!r} left untranslated in English prose{tail}",
                severity=severity,
            )


RULES: list[type[Rule]] = [ForeignWordRule]
