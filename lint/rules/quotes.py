"""NL501 quote-drift: a quotation whose wording differs from the same statement elsewhere."""

from __future__ import annotations

from collections.abc import Iterable

from lint.diagnostic import Diagnostic, Related, Severity
from lint.discover import display_path
from lint.features.quotes import Drift
from lint.rules.base import Rule, RuleContext, RuleMeta
from lint.rules.stories import speakers_translated


def _where(drift: Drift) -> str:
    record = f"#{drift.other_record}" if drift.other_record is not None else ""
    return f"{display_path(drift.other_path)}{record}:{drift.other_line}"


class QuoteDrift(Rule):
    meta = RuleMeta(
        code="NL501",
        name="quote-drift",
        severity=Severity.WARNING,
        category="accuracy/mistranslation",
        summary="A quotation worded differently from the same statement quoted elsewhere.",
        what=(
            "Direct quotations of at least four words (curly, straight or guillemet quotes, "
            "nested single quotes, a quotation split by its attribution) are compared across "
            "the corpus, between quotations of the same speaker when both are known. Two "
            "quotations of the same statement share at least five words in order (rapidfuzz "
            "partial_ratio >= 85, then a word alignment cropped to the overlap); up to three "
            "differing words inside the overlap are drift. A fragment of a longer quotation, "
            "and differences of quote marks, case, punctuation, spacing, contractions or "
            "spelling variants (programme/program) are not. When other outlets agree on the "
            "other wording, the odd quotation is a warning; when as many outlets print each "
            "wording (two outlets that disagree), both are reported as info, since the corpus "
            "cannot tell which is the original. Words one side omits are reported once, on the "
            "side without them. Differences only of articles, auxiliaries, intensifiers, "
            "possessives and linking words ('even', 'own', 'of') are info; so is a paraphrase "
            "in an article about a country that does not speak English, where every quotation "
            "is a translation, and any difference there unless the agreeing articles include "
            "copies of one another (a wording printed in English and republished, not only "
            "translated by each outlet on its own)."
        ),
        why=(
            "A quotation is a promise that these were the speaker's words. Machine translation "
            "and back-translation swap synonyms inside quotes ('a modest increase' "
            "becomes 'a moderate increase'), which misquotes the speaker."
        ),
        example=(
            "“We expect a moderate increase in ticket prices next season,” she said.\n"
            "  <- NL501: 'moderate' where b.txt:12 has 'modest'"
        ),
    )
    scope = "corpus"
    needs = ("quotes", "story", "context")

    def check(self, ctx: RuleContext) -> Iterable[Diagnostic]:
        part = ctx.index.part("quotes") if ctx.index else None
        if not part:
            return
        doc = ctx.document
        translated = speakers_translated(ctx)
        for drift in part["drift"].get((doc.path, doc.record), ()):
            where = _where(drift)
            # copies among the agreeing articles: the wording was printed in English and
            # republished, not only translated by each outlet on its own
            republished = drift.other_support > drift.other_witnesses
            agreed = drift.severity == "warning" and not (
                translated and (drift.kind == "paraphrase" or not republished))
            if drift.kind == "paraphrase":
                what = f"worded otherwise: {where} quotes '{_short(drift.other_wording)}'"
                if translated and drift.severity == "warning":
                    what += " (the article is about a country that does not speak English: two translations of one statement may word it otherwise)"
            elif drift.wording and drift.other_wording:
                what = f"'{drift.wording}' where {where} has '{drift.other_wording}'"
            elif drift.other_wording:
                what = f"omits '{drift.other_wording}' that {where} has here"
            else:
                what = f"has '{drift.wording}' that {where} does not"
            who = f" of {drift.speaker}" if drift.speaker else ""
            others = f"{drift.other_support} other article{'s' if drift.other_support != 1 else ''}"
            if 0 < drift.other_witnesses < drift.other_support:
                others += f", {drift.other_witnesses} of them independent,"
            verb = "prints" if drift.other_support == 1 else "print"
            if agreed:
                tail = f" ({others} {verb} the other wording, {drift.support} this one)"
            elif translated and drift.kind != "paraphrase" and drift.severity == "warning":
                tail = (f" ({others} {verb} the other wording, {drift.support} this one; no "
                        "article of the story republishes another, and its speakers speak another "
                        "language: independent translations of one statement may word it otherwise)")
            else:
                tail = (f" ({others} {verb} the other wording, {drift.support} this one: the "
                        "corpus cannot tell which wording is original)")
            yield self.diagnostic(
                ctx,
                drift.start,
                drift.end,
                f"Quotation{who} differs from the same statement elsewhere: {what}{tail}",
                severity=Severity.WARNING if agreed else Severity.INFO,
                suggestion=drift.other_wording if drift.wording and drift.kind != "paraphrase" else None,
                related=[
                    Related(
                        drift.other_path,
                        drift.other_line,
                        drift.other_column,
                        f"quotes '{_short(drift.other_wording) or '(without these words)'}'",
                        drift.other_record,
                    )
                ],
            )


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


RULES = [QuoteDrift]
