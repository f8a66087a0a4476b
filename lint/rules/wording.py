"""NL510 wording-drift, NL511 pronoun-drift and NL513 negation-drift: an article's wording,
pronoun or polarity that the rest of its story contradicts (the corpus-relative side of NL504)."""

from __future__ import annotations

from collections.abc import Iterable

from lint.diagnostic import Diagnostic, Severity
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.stories import story_diagnostics


class WordingDrift(Rule):
    meta = RuleMeta(
        code="NL510",
        name="wording-drift",
        severity=Severity.WARNING,
        category="fluency/grammar",
        summary="A light verb and a noun where the story's other articles use one verb.",
        what=(
            "Inside a story (docs/stories.md), the word alignment of two sentences that say the "
            "same thing shows where their wording differs between agreeing words. A light verb "
            "with a noun ('gave an order to', 'did a visit to', 'realized an inspection of') "
            "at a place where at least two independent sibling articles say it in one plain "
            "verb ('ordered', 'visited', 'inspected') is reported. As info only: one plain "
            "word between the same neighbours where the siblings write a far more common one "
            "(ten times as frequent in wordfreq: 'flights were annulled' for 'cancelled'), a "
            "word no other article of the story uses and no role noun. Other differences of "
            "wording are not reported: independent outlets and translations word everything "
            "differently."
        ),
        why=(
            "Translation systems render one verb of the source as a light verb and a noun, a "
            "calque that reads as non-native English and sometimes shifts the meaning."
        ),
        example=(
            "The mayor gave an order to the crews to clear the square.   <- NL510 where "
            "two other outlets of the story write 'ordered the crews to clear'"
        ),
    )
    scope = "corpus"
    needs = ("story",)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        yield from story_diagnostics(self, ctx, ("wording",))


class PronounDrift(Rule):
    meta = RuleMeta(
        code="NL511",
        name="pronoun-drift",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        fixable=True,
        summary=("'He' or 'spokesman' for a person whom the story's other articles call 'she' or "
                 "'spokeswoman', or the reverse."),
        what=(
            "A third-person pronoun (he, his, him, she, her) stands for the one person named in "
            "its sentence before it, or in the nearest of the two sentences before that names "
            "exactly one (a sentence-initial pronoun continues the last sentence's subject; "
            "the subject of a speech verb after a quotation, \"'...,' she said\", continues "
            "the person that sentence names as the speaker). "
            "When at least two independent sibling articles of the story (docs/stories.md) refer "
            "to that person with the other pronoun, and this article uses only this one, it is "
            "a warning; one sibling is info. A gendered role noun right beside a name counts "
            "the same way ('spokesman Ana Ruiz', 'Ana Ruiz, a spokeswoman'; spokesman, chairman, "
            "congressman, actor and their pairs), unless a word makes them two people ('the "
            "spokesman for Ana Ruiz', 'Ana Ruiz's spokesman'). People are matched across "
            "articles by name, including spelling variants that the text ties together."
        ),
        why=(
            "Languages that drop the subject (Spanish, Korean, Japanese, Chinese) or whose verbs "
            "carry no gender leave a translation system to guess the pronoun, and it guesses the "
            "default: the article then misgenders a named official."
        ),
        example=(
            "Minister Ana Ruiz spoke on Monday. He said the plan would go ahead.   <- NL511 where "
            "two other outlets write 'she said'"
        ),
    )
    scope = "corpus"
    needs = ("story", "names")

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        yield from story_diagnostics(self, ctx, ("pronoun",))


class NegationDrift(Rule):
    meta = RuleMeta(
        code="NL513",
        name="negation-drift",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        fixable=False,
        summary="A clause negated where the story's other articles state it plainly, or the reverse.",
        what=(
            "Each sentence is word-aligned with the sentences of the story's other articles that "
            "say the same thing (docs/stories.md). Where one differs from it by a negation alone "
            "(an inserted or deleted 'not', 'never' or 'no', or a verb and its contraction: "
            "'would' and 'wouldn't', or a word one letter from 'not' or 'never' in its place: "
            "'would now reopen', a negative quantifier against its opposite: 'nobody' and "
            "'everyone', or a word against one of opposite meaning from rules/antonyms.toml: "
            "'heavier' and 'lighter'), it gives the clause the other polarity; one with the same "
            "negations agrees; one that words the clause otherwise gives no evidence. At least "
            "two independent siblings must agree against the article, and none with it: a "
            "warning, never info, since no rewording turns a statement into its opposite."
        ),
        why=(
            "Machine translation drops or adds negations (a negative particle the model "
            "misreads, a double negation resolved the wrong way): the article then reports the "
            "opposite of what was said or done."
        ),
        example=(
            "The council said the bridge would reopen on Monday.   <- NL513 where two other "
            "outlets write 'would not reopen'"
        ),
    )
    scope = "corpus"
    needs = ("story",)

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        yield from story_diagnostics(self, ctx, ("negation",))


RULES = [WordingDrift, PronounDrift, NegationDrift]
